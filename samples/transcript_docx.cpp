// Implementation of transcript_docx.hpp with libzip: the minimal package Word and LibreOffice open.
#include "transcript_docx.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace tessera::sample {
namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

}  // namespace

void write_transcript_docx(const std::string& transcript, const std::filesystem::path& out) {
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
            body += "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + xml_escape(para.substr(0, colon + 1)) +
                    "</w:t></w:r>";
            body += "<w:r><w:t xml:space=\"preserve\"> " + xml_escape(para.substr(colon + 2)) + "</w:t></w:r>";
        } else {
            body += "<w:r><w:t xml:space=\"preserve\">" + xml_escape(para) + "</w:t></w:r>";
        }
        body += "</w:p>";
    }
    std::string document =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
        body + "</w:body></w:document>";

    std::filesystem::remove(out);
    int err = 0;
    std::unique_ptr<zip_t, ZipCloser> z(zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw std::runtime_error(out.string() + ": cannot create the .docx");
    // libzip reads the buffers at close time, so they must outlive zip_close.
    const std::vector<std::pair<const char*, std::string>> parts = {
        {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document}};
    for (const auto& [name, data] : parts) {
        zip_source_t* src = zip_source_buffer(z.get(), data.data(), data.size(), 0);
        if (!src || zip_file_add(z.get(), name, src, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(src);
            throw std::runtime_error(out.string() + ": cannot add " + name);
        }
    }
    if (zip_close(z.get()) != 0) throw std::runtime_error(out.string() + ": cannot write the .docx");
    z.release();
}

}  // namespace tessera::sample
