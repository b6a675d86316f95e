// Ratings tables (units x coders, category per cell, blanks allowed) and 2-coder contingency tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tessera::agreement {

/// Level of measurement for Krippendorff's alpha.
enum class Level { nominal, ordinal, interval, ratio };

/// "nominal", "ordinal", "interval", "ratio".
const char* to_string(Level level);
/// Parses a level name; throws InvalidArgument naming the bad value.
Level level_from_string(const std::string& s);

/*
** Invariants of RatingsTable:
**  1. cells has units() * coders() entries, row-major (unit, coder); kMissing marks a blank.
**  2. Every non-missing cell is an index < categories() into labels (and numbers).
**  3. Categories are in a canonical order: by numeric value when every label is a number
**     (so ordinal ranks are the numeric order), otherwise by label (byte order).
**  4. numeric() is true exactly when every category has a finite number; then numbers[k]
**     is strictly increasing in k.
*/
class RatingsTable {
public:
    static constexpr std::int32_t kMissing = -1;

    RatingsTable() = default;

    /// Builds a table from labels (std::nullopt = missing). Rows are units, columns coders.
    /// Throws InvalidArgument when rows have different lengths or there are no coders.
    static RatingsTable from_labels(const std::vector<std::vector<std::optional<std::string>>>& rows);
    /// Builds a table from numbers (std::nullopt or NaN = missing). Throws as from_labels.
    static RatingsTable from_numbers(const std::vector<std::vector<std::optional<double>>>& rows);

    std::size_t units() const { return m_units; }
    std::size_t coders() const { return m_coders; }
    std::size_t categories() const { return m_labels.size(); }
    /// Category index of (unit, coder), or kMissing.
    std::int32_t cell(std::size_t unit, std::size_t coder) const { return m_cells[unit * m_coders + coder]; }
    const std::string& label(std::size_t k) const { return m_labels[k]; }
    /// Numeric value of category k (NaN when the labels are not all numbers).
    double number(std::size_t k) const { return m_numbers[k]; }
    bool numeric() const { return m_numeric; }
    /// Number of coders who rated `unit`.
    std::size_t rated(std::size_t unit) const;

private:
    std::size_t m_units = 0;
    std::size_t m_coders = 0;
    std::vector<std::string> m_labels;
    std::vector<double> m_numbers;
    std::vector<std::int32_t> m_cells;
    bool m_numeric = false;

    friend RatingsTable make_table(std::size_t, std::size_t, std::vector<std::string>, std::vector<std::int32_t>);
};

/*
** Invariants of ContingencyTable (two coders):
**  1. counts has q*q entries; counts[i*q + j] = number (or weight) of units coder 1 put in i
**     and coder 2 in j. All entries are >= 0.
**  2. Only units rated by both coders are counted.
*/
struct ContingencyTable {
    std::size_t q = 0;
    std::vector<double> counts;

    /// Empty q x q table.
    static ContingencyTable zero(std::size_t q) { return {q, std::vector<double>(q * q, 0.0)}; }
    /// The 2 x 2 table of a binary unit: both, only coder 1, only coder 2, neither.
    /// Category 0 = "not coded", 1 = "coded".
    static ContingencyTable binary(double both, double only_1, double only_2, double neither);
    /// Table of coders `a` and `b` of `table`, over units both rated. Throws InvalidArgument on a bad coder.
    static ContingencyTable from_ratings(const RatingsTable& table, std::size_t a = 0, std::size_t b = 1);

    double at(std::size_t i, std::size_t j) const { return counts[i * q + j]; }
    double& at(std::size_t i, std::size_t j) { return counts[i * q + j]; }
    /// Sum of all cells (n).
    double total() const;
    ContingencyTable& operator+=(const ContingencyTable& other);
};

}  // namespace tessera::agreement
