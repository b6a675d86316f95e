// Charts the report draws itself as SVG (no plotting library): the saturation curve.
#pragma once

#include "analysis/saturation.hpp"

#include <string>

namespace tessera::exporter {

/// An <svg> line chart of cumulative codes per document (collection order) with bars for the new codes
/// each document adds; document names label the x axis. Text is XML-escaped. Never throws.
std::string saturation_svg(const analysis::Saturation& s);

}  // namespace tessera::exporter
