// png_check FILE [MIN_COLOURS]: exits 0 when the PNG looks like a real rendering, 1 with a reason otherwise.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE [MIN_COLOURS]\n");
        return 2;
    }
    const int min_colours = argc > 2 ? std::atoi(argv[2]) : 64;
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    std::set<unsigned> colours;
    long long differing = 0;
    const unsigned bg = (unsigned(px[0]) << 16) | (unsigned(px[1]) << 8) | px[2];
    for (long long i = 0; i < static_cast<long long>(w) * h; ++i) {
        unsigned c = (unsigned(px[3 * i]) << 16) | (unsigned(px[3 * i + 1]) << 8) | px[3 * i + 2];
        colours.insert(c);
        differing += c != bg;
    }
    stbi_image_free(px);
    double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
    std::printf("%s: %dx%d, %zu distinct colours, %.1f%% differs from the corner colour\n", argv[1], w, h,
                colours.size(), share * 100);
    if (static_cast<int>(colours.size()) < min_colours) {
        std::fprintf(stderr, "png_check: only %zu colours: blank or not rendered\n", colours.size());
        return 1;
    }
    if (share < 0.05) {
        std::fprintf(stderr, "png_check: almost uniform image\n");
        return 1;
    }
    return 0;
}
