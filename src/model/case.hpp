// Cases (participants) and their typed attributes.
#pragma once

#include "model/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera {

enum class AttributeType { text, number, date, category };

const char* to_string(AttributeType t);
/// Parses "text" | "number" | "date" | "category"; nullopt for anything else.
std::optional<AttributeType> attribute_type_from_string(std::string_view s);

struct Attribute {
    std::string name;
    AttributeType type = AttributeType::text;
    std::string value;  // numbers in C locale, dates ISO 8601
};

struct Case {
    RowId id = 0;
    std::string guid;
    std::string name;
    std::vector<Attribute> attributes;

    /// Value of attribute `name`, or "" when the case has none.
    const std::string& attribute(const std::string& name) const;
};

}  // namespace tessera
