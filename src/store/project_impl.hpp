// Private state of Project shared by the project_*.cpp files (not part of the public API).
#pragma once

#include "store/database.hpp"
#include "store/project.hpp"
#include "util/error.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tessera {

struct Project::Impl {
    std::unique_ptr<store::Database> db;
    int version = 0;
    // Document lengths in code points, for span checks on every coding insert (documents are immutable).
    std::unordered_map<RowId, std::int64_t> doc_length;
    std::int64_t document_length(RowId id);
};

namespace store_detail {
/// Row id for an insert: keeps the caller's id when it restores a deleted row (undo), else NULL.
inline void bind_id(store::Statement& st, int i, RowId id) {
    if (id > 0) st.bind(i, id);
    else st.bind_null(i);
}
/// The caller's GUID when restoring, a new one otherwise.
std::string guid_or_new(const std::string& guid);
[[noreturn]] void not_found(const char* what, RowId id);
/// An enum read back from the file, by the model's `parse`. The schema's CHECKs keep unknown names
/// out, so one here means a damaged file: said as such rather than read as some other value.
template <class E>
E stored(std::optional<E> (*parse)(std::string_view), const char* what, const std::string& name) {
    if (std::optional<E> e = parse(name)) return *e;
    throw StorageError("the project file holds an unknown " + std::string(what) + " '" + name + "': it is damaged");
}
}  // namespace store_detail

}  // namespace tessera
