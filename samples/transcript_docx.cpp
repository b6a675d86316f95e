// Implementation of transcript_docx.hpp over the exporters' DOCX package writer.
#include "transcript_docx.hpp"

#include "export/docx_package.hpp"

namespace tessera::sample {

void write_transcript_docx(const std::string& transcript, const std::filesystem::path& out) {
    constexpr const char* kFont = "Noto Sans";
    constexpr int kSize = 22;  // 11 pt
    std::string body;
    std::size_t pos = 0;
    while (pos < transcript.size()) {
        std::size_t end = transcript.find("\n\n", pos);
        std::string para = transcript.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? transcript.size() : end + 2;
        while (!para.empty() && para.back() == '\n') para.pop_back();
        if (para.empty()) continue;
        std::size_t colon = para.find(": ");
        body += "<w:p>";
        if (colon != std::string::npos && colon < 40) {
            // The speaker's name in bold, as transcribers type it.
            body += exporter::docx_run(para.substr(0, colon + 1), kFont, kSize, true);
            body += exporter::docx_run(" " + para.substr(colon + 2), kFont, kSize, false);
        } else {
            body += exporter::docx_run(para, kFont, kSize, false);
        }
        body += "</w:p>";
    }
    exporter::write_docx_package(
        out, R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
             R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
                 body + "</w:body></w:document>");
}

}  // namespace tessera::sample
