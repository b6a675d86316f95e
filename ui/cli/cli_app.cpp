// Placeholder until the command table lands.
#include "ui/cli/cli_app.hpp"

#include <cstdio>

namespace tessera::cli {
int run(int, char**) {
    std::puts("tessera " TESSERA_VERSION);
    return 0;
}
}  // namespace tessera::cli
