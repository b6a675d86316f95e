// Case attribute values that list several ("FG1;MC1": a participant of focus group 1 who also
// came to the member-checking group).
#pragma once

#include <string>
#include <vector>

namespace tessera::analysis {

/// The values `value` lists, split at ';' and trimmed, each once, blanks dropped ("FG1; MC1" is
/// FG1 and MC1; a value without ';' is itself).
std::vector<std::string> listed_values(const std::string& value);

/// True when `value` is `wanted` or lists it.
bool lists_value(const std::string& value, const std::string& wanted);

}  // namespace tessera::analysis
