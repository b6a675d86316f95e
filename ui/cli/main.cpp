// tessera CLI entry point: hands argv to the command table in cli_app.cpp.
#include "ui/cli/cli_app.hpp"

int main(int argc, char** argv) { return tessera::cli::run(argc, argv); }
