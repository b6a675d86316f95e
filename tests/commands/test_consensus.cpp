// Consensus stage: confirming an alignment builds a team codebook with lineage; resolving a
// disagreement writes the consensus coding and an audited decision; both undo exactly.
#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"
#include "commands/consensus_commands.hpp"
#include "test_support.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::test::TempDir;

namespace {

struct Two {
    TempDir dir;
    Project p = Project::create(dir / "c.tessera");
    CommandStack stack;
    RowId doc = 0, a = 0, b = 0, trust_a = 0, faith_b = 0, only_b = 0;

    Two() {
        NewDocument d;
        d.name = "FG";
        d.text = "P1: I trust the NHS with it, mostly.";
        d.turns = {{{4, 36}, "P1", {}, {}}};
        doc = p.add_document(d);
        a = p.insert_coder({0, "", "Amara"});
        b = p.insert_coder({0, "", "Ben"});
        trust_a = make("Trust in NHS", a);
        faith_b = make("Faith in services", b);
        only_b = make("Scepticism", b);
    }
    RowId make(const std::string& name, RowId owner) {
        CodeFields f;
        f.name = name;
        f.definition = name + " definition";
        auto cmd = std::make_unique<CreateCode>(f, std::nullopt, owner);
        auto* raw = cmd.get();
        stack.execute(p, std::move(cmd));
        return raw->id();
    }
};

}  // namespace

TEST_CASE("confirming an alignment creates team codes that remember their sources", "[commands][agreement]") {
    Two t;
    auto cmd = std::make_unique<ConfirmAlignment>(std::vector<AlignmentChoice>{
        {t.trust_a, t.faith_b, "Trust in institutions"}, {std::nullopt, t.only_b, ""}});
    auto* raw = cmd.get();
    t.stack.execute(t.p, std::move(cmd));
    auto team = raw->team_codes();
    REQUIRE(team.size() == 2);
    Code trust = t.p.code(team[0]);
    REQUIRE(trust.name == "Trust in institutions");
    REQUIRE_FALSE(trust.owner_coder_id);
    REQUIRE(trust.definition == "Trust in NHS definition");
    auto lin = t.p.lineage(team[0]);
    REQUIRE(lin.size() == 2);
    REQUIRE(lin[0].kind == "consensus");
    REQUIRE(t.p.code(team[1]).name == "Scepticism");
    auto al = t.p.alignments();
    REQUIRE(al.size() == 2);
    REQUIRE(al[0].confirmed);
    REQUIRE(al[0].team_code == team[0]);
    std::string guid = trust.guid;

    t.stack.undo(t.p);
    REQUIRE(t.p.alignments().empty());
    REQUIRE_THROWS(t.p.code(team[0]));
    t.stack.redo(t.p);
    REQUIRE(t.p.code(team[0]).guid == guid);
    REQUIRE(t.p.lineage(team[0]).size() == 2);
}

TEST_CASE("an alignment within one codebook is refused", "[commands][agreement]") {
    Two t;
    REQUIRE_THROWS_WITH(t.stack.execute(t.p, std::make_unique<ConfirmAlignment>(std::vector<AlignmentChoice>{
                                                 {t.faith_b, t.only_b, ""}})),
                        Catch::Contains("same codebook"));
    REQUIRE(t.p.alignments().empty());
}

TEST_CASE("resolving disagreements writes consensus codings and audited decisions", "[commands][agreement]") {
    Two t;
    auto confirm = std::make_unique<ConfirmAlignment>(std::vector<AlignmentChoice>{{t.trust_a, t.faith_b, "Trust"}});
    auto* c = confirm.get();
    t.stack.execute(t.p, std::move(confirm));
    RowId team = c->team_codes().at(0);

    ResolveDisagreement::Input in;
    in.document_id = t.doc;
    in.span_a = Span{4, 19};
    in.span_b = Span{6, 36};
    in.team_code = team;
    in.decided_by = t.a;
    SECTION("accept both takes the union") {
        in.decision = Decision::accept_both;
        in.note = "both right";
        t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in), t.a);
        auto cons = t.p.find_coder(kConsensusCoder);
        REQUIRE(cons);
        CodingFilter f;
        f.coder_id = cons->id;
        auto ks = t.p.codings(f);
        REQUIRE(ks.size() == 1);
        REQUIRE(ks[0].span == Span{4, 36});
        REQUIRE(ks[0].code_id == team);
        auto rs = t.p.resolutions();
        REQUIRE(rs.size() == 1);
        REQUIRE(rs[0].decision == "accept_both");
        REQUIRE(rs[0].note == "both right");
        REQUIRE(rs[0].coder_id == t.a);
        REQUIRE(t.p.audit_log().back().detail == "Resolve disagreement: accept_both");
        t.stack.undo(t.p);
        REQUIRE(t.p.resolutions().empty());
        REQUIRE_FALSE(t.p.find_coder(kConsensusCoder));
    }
    SECTION("accept A and accept B take that coder's span") {
        in.decision = Decision::accept_a;
        t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in));
        in.decision = Decision::accept_b;
        t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in));
        CodingFilter f;
        f.coder_id = t.p.find_coder(kConsensusCoder)->id;
        auto ks = t.p.codings(f);
        REQUIRE(ks.size() == 2);
        REQUIRE(ks[0].span == Span{4, 19});
        REQUIRE(ks[1].span == Span{6, 36});
    }
    SECTION("reject records the decision and writes no coding") {
        in.decision = Decision::reject;
        in.note = "not about trust";
        t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in));
        REQUIRE(t.p.resolutions().at(0).decision == "reject");
        CodingFilter f;
        f.coder_id = t.p.find_coder(kConsensusCoder)->id;
        REQUIRE(t.p.codings(f).empty());
    }
    SECTION("accepting a coder who did not code there leaves the passage uncoded") {
        in.span_a.reset();
        in.decision = Decision::accept_a;
        t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in));
        REQUIRE(t.p.resolutions().at(0).decision == "accept_a");
        CodingFilter f;
        f.coder_id = t.p.find_coder(kConsensusCoder)->id;
        REQUIRE(t.p.codings(f).empty());
    }
    SECTION("a coder's own code cannot hold consensus codings") {
        in.team_code = t.trust_a;
        REQUIRE_THROWS_WITH(t.stack.execute(t.p, std::make_unique<ResolveDisagreement>(in)), Catch::Contains("team code"));
    }
}
