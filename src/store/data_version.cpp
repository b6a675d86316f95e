// Change detection for a project open in several windows: SQLite's data_version counter.
#include "store/data_version.hpp"

namespace tessera {

std::int64_t data_version(Project& p) {
    auto& st = p.db().cached("PRAGMA data_version");
    store::ResetOnExit reset(st);
    return st.step() ? st.int64(0) : 0;
}

}  // namespace tessera
