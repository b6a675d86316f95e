// Fonts: Noto Sans through FreeType, glyph ranges built from the characters the project contains.
#pragma once

#include <string>

struct ImFontAtlas;

namespace tessera::gui {

/// Loads Noto Sans (regular; bold as a second font) at `size_px` into `atlas`, covering Latin,
/// Greek, Cyrillic, general punctuation and every BMP character in `sample` (UTF-8). Falls back to
/// ImGui's built-in font when the Noto files are missing. Does not build the texture.
/// Returns false when the fallback was used.
bool load_fonts(ImFontAtlas& atlas, const std::string& sample, float size_px);

/// True when a code point can be drawn by ImGui 1.86 (16-bit ImWchar: the BMP only).
inline bool drawable(char32_t c) { return c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF); }

}  // namespace tessera::gui
