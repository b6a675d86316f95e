// Ratings-table report: all coefficients for units x coders data and the note saying how.
#include "agreement/ratings_report.hpp"

#include "util/error.hpp"

namespace tessera::agreement {

RatingsReport ratings_report(const RatingsTable& t, const RatingsOptions& o) {
    if (t.coders() < 2) throw InvalidArgument("ratings report: the table needs at least 2 coders (columns)");
    RatingsReport r;
    r.options = o;
    r.units = t.units();
    r.coders = t.coders();
    r.categories = t.categories();
    for (std::size_t u = 0; u < t.units(); ++u) r.pairable_units += t.rated(u) >= 2;
    r.q = o.categories ? o.categories : t.categories();
    r.percent = percent_agreement(t);
    if (t.coders() == 2) {
        const ContingencyTable ct = ContingencyTable::from_ratings(t);
        r.cohen = cohen_kappa(ct);
        r.scott_pi = scott_pi(ct);
    } else {
        const std::string why = "defined for 2 coders; this table has " + std::to_string(t.coders()) +
                                " (use Fleiss' kappa or Krippendorff's alpha)";
        r.cohen.kappa = Coefficient::undefined("Cohen's kappa is " + why);
        r.scott_pi = Coefficient::undefined("Scott's pi is " + why);
    }
    r.fleiss_kappa = fleiss_kappa(t);
    r.brennan_prediger = brennan_prediger(t, r.q);
    r.gwet_ac1 = gwet_ac1(t, r.q);
    if (o.bootstrap_replicates > 0) {
        r.alpha = alpha_bootstrap(t, o.level, o.bootstrap_replicates, o.seed);
    } else {
        r.alpha.alpha = krippendorff_alpha(t, o.level);
    }

    std::string& m = r.method;
    m += "Units: " + std::to_string(r.units) + " rows of the ratings table (" + std::to_string(r.pairable_units) +
         " rated by two or more of the " + std::to_string(r.coders) + " coders; blanks allowed).\n";
    m += "Percent agreement: pairwise, mean over units rated by >= 2 coders of the share of agreeing coder pairs.\n";
    m += "Cohen's kappa (2 coders): P_e from each coder's marginals; SE by Fleiss, Cohen & Everitt (1969), "
         "95 % CI = kappa +/- 1.959964 SE, z = kappa / SE0.\n";
    m += "Scott's pi (2 coders) and Fleiss' kappa (complete data): P_e from pooled marginals.\n";
    m += "Brennan-Prediger and Gwet's AC1: q = " + std::to_string(r.q) +
         (o.categories ? " categories (declared)"
                       : " categories (those in the data; declare the code system's to change)") +
         ".\n";
    m += std::string("Krippendorff's alpha (") + to_string(o.level) +
         "): coincidence matrix over units with >= 2 values, 1 - D_o / D_e.";
    if (o.bootstrap_replicates > 0)
        m += " 95 % CI: Hayes & Krippendorff (2007) KALPHA bootstrap, " + std::to_string(o.bootstrap_replicates) +
             " replicates, seed " + std::to_string(o.seed) + ".";
    m += "\nUndefined coefficients (0/0: no variation, missing ratings for Fleiss) are reported with the reason, "
         "never as 0 or 1.\n";
    return r;
}

}  // namespace tessera::agreement
