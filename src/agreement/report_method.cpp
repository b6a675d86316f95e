// The method note printed with every agreement report: unit, formulas, pooling and conventions.
#include <cstdio>

#include "agreement/report.hpp"

namespace tessera::agreement {

std::string describe_method(const ReportOptions& o, std::size_t code_pairs) {
    std::string s;
    switch (o.unit) {
        case UnitKind::character:
            s += "Unit: the character (Unicode code point), as NVivo's coding comparison. For each code and "
                 "document every character is coded by A, by B, by both or by neither (overlapping codings of "
                 "one coder count once).\n";
            break;
        case UnitKind::segment: {
            char pct[32];
            std::snprintf(pct, sizeof pct, "%g", o.min_overlap * 100.0);
            s += std::string(
                     "Unit: the coded segment, as MAXQDA's segment agreement. Each segment of each coder "
                     "agrees when the other coder coded the same code on a segment overlapping it by at least ") +
                 pct + " % of the area the two cover together (intersection / union); each segment is checked once.\n";
            break;
        }
        case UnitKind::presence_document:
            s += "Unit: the document. For each code, did each coder apply it at least once in the document.\n";
            break;
        case UnitKind::presence_turn:
            s += "Unit: the speaker turn. For each code, did each coder code any part of the turn.\n";
            break;
        case UnitKind::continuum:
            s += "Unit: the continuum of characters (Krippendorff's unitizing). Alpha is |u-alpha (ATLAS.ti's "
                 "alpha-binary): the code is valued, all other text is gap; per code the documents are joined into "
                 "one continuum; per document and overall any compared code counts as valued. Overlapping codings "
                 "of one coder are merged. Percent agreement and kappa are on characters.\n";
            break;
    }
    s += "Coders: two (A and B). Codes: " + std::to_string(code_pairs) +
         " compared code pair(s) (the same code, or A's code aligned with B's).\n";
    if (o.unit == UnitKind::segment) {
        s += "Percent agreement = agreeing segments / all segments of both coders.\n"
             "Kappa = MAXQDA's (P_obs - 1/k) / (1 - 1/k), P_chance by Brennan & Prediger (1981), k = " +
             std::to_string(code_pairs) +
             " codes. Alpha is undefined: free segmentation has no 'coded by neither' units.\n";
    } else {
        s += "Percent agreement P_o = (both + neither) / units.\n"
             "Cohen's kappa = (P_o - P_e) / (1 - P_e), P_e = sum of products of each coder's marginals; standard "
             "error by Fleiss, Cohen & Everitt (1969), 95 % CI = kappa +/- 1.959964 SE.\n";
        if (o.unit != UnitKind::continuum)
            s += "Krippendorff's alpha (nominal) = 1 - (n - 1) sum o_ck d_ck / sum n_c n_k d_ck over the coincidence "
                 "matrix of the 2 x 2 table.\n";
        else
            s += "|u-alpha = 1 - (l_gv + l_vg) / (e_gv + e_vg) over intersection lengths (Krippendorff 2019 "
                 "sec. 12.6).\n";
    }
    s += "Pooling: per-code rows sum the units of every document; per-document rows sum the units of every "
         "code; 'overall (pooled)' computes each coefficient once from the units summed over codes and "
         "documents; 'overall (averaged)' is the unweighted mean of the per-code values, leaving out codes "
         "whose value is undefined (their number is given).\n";
    s += o.nvivo_empty_kappa_is_one
             ? "Convention: NVivo compatibility, kappa = 1 where neither coder coded (mathematically 0/0).\n"
             : "Convention: where a coefficient is 0/0 (no variation, nothing coded) it is reported as undefined "
               "with the reason, never as 0 or 1.\n";
    return s;
}

}  // namespace tessera::agreement
