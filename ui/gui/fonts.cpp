// Fonts: Noto Sans through FreeType, glyph ranges built from the characters the project contains.
#include "ui/gui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <filesystem>

namespace tessera::gui {
namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
constexpr const char* kSymbols = "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf";
constexpr const char* kMath = "/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf";

}  // namespace

bool load_fonts(ImFontAtlas& atlas, const std::string& sample, float size_px) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    if (!std::filesystem::exists(kRegular)) {
        ImFontConfig cfg;
        cfg.SizePixels = size_px;
        atlas.AddFontDefault(&cfg);
        atlas.AddFontDefault(&cfg);
        return false;
    }
    // The ranges must outlive the atlas build: keep them in static storage.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(atlas.GetGlyphRangesCyrillic());
    static const ImWchar kExtra[] = {0x0370, 0x03FF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF,
                                     0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0};
    b.AddRanges(kExtra);
    b.AddText(sample.data(), sample.data() + sample.size());
    b.BuildRanges(&ranges);

    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.PixelSnapH = true;
    atlas.AddFontFromFileTTF(kRegular, size_px, &cfg, ranges.Data);
    // Characters Noto Sans lacks (symbols, arrows, maths) come from its sister fonts.
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    if (std::filesystem::exists(kSymbols)) atlas.AddFontFromFileTTF(kSymbols, size_px, &merge, ranges.Data);
    if (std::filesystem::exists(kMath)) atlas.AddFontFromFileTTF(kMath, size_px, &merge, ranges.Data);
    atlas.AddFontFromFileTTF(std::filesystem::exists(kBold) ? kBold : kRegular, size_px, &cfg, ranges.Data);
    return true;
}

}  // namespace tessera::gui
