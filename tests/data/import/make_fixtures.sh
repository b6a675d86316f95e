#!/bin/sh
# Regenerates the binary import fixtures (docx, odt, pdf, bad archives) from the XML/text in src/.
# Needs Debian's zip and, for the PDF, libreoffice-writer (soffice). Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Fixed timestamps so that regenerating gives the same bytes.
find "$src" -exec touch -t 202601010000 {} +

# Word: parts zipped as Word does ([Content_Types].xml first).
(cd "$src/interview_docx" && rm -f "$here/interview.docx" &&
 zip -X -q "$here/interview.docx" '[Content_Types].xml' _rels/.rels word/document.xml word/_rels/document.xml.rels \
     word/header1.xml word/comments.xml word/styles.xml)

# OpenDocument: mimetype first and stored uncompressed, as the ODF spec requires.
(cd "$src/focus_group_odt" && rm -f "$here/focus_group.odt" &&
 zip -X -q -0 "$here/focus_group.odt" mimetype &&
 zip -X -q "$here/focus_group.odt" META-INF/manifest.xml content.xml)

# PDF through LibreOffice (text only; fonts do not matter).
if command -v soffice >/dev/null 2>&1; then
  cp "$src/interview_pdf.txt" "$tmp/interview.txt"
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/interview.txt" >/dev/null 2>&1
  cp "$tmp/interview.pdf" "$here/interview.pdf"
  # Three pages with a running header and a "Page N" footer, from an .odt whose master page has them.
  (cd "$src/paged_odt" && zip -X -q -0 "$tmp/paged.odt" mimetype &&
   zip -X -q "$tmp/paged.odt" META-INF/manifest.xml content.xml styles.xml)
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/paged.odt" >/dev/null 2>&1
  cp "$tmp/paged.pdf" "$here/paged.pdf"
else
  echo "soffice not found: interview.pdf and paged.pdf not regenerated" >&2
fi

# Bad input: a text file named .docx; a docx whose document.xml is cut off; a zip bomb
# (40 MiB of spaces in document.xml, about 40 KiB compressed: a ratio near 1000).
printf 'This is plain text, not a zip archive.\n' > "$here/not_a_zip.docx"
mkdir -p "$tmp/bad/word" "$tmp/bad/_rels"
cp "$src/interview_docx/[Content_Types].xml" "$tmp/bad/"
cp "$src/interview_docx/_rels/.rels" "$tmp/bad/_rels/"
printf '<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\n<w:body><w:p><w:r><w:t>cut off\n' \
  > "$tmp/bad/word/document.xml"
find "$tmp/bad" -exec touch -t 202601010000 {} +
(cd "$tmp/bad" && rm -f "$here/malformed_xml.docx" && zip -X -q -r "$here/malformed_xml.docx" '[Content_Types].xml' _rels word)
# An HTML entity Word never writes: pugixml would keep "&nbsp;" in the participant's words.
printf '<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\n<w:body><w:p><w:r><w:t>P1: I said&nbsp;no.</w:t></w:r></w:p></w:body></w:document>\n' \
  > "$tmp/bad/word/document.xml"
touch -t 202601010000 "$tmp/bad/word/document.xml"
(cd "$tmp/bad" && rm -f "$here/undefined_entity.docx" && zip -X -q -r "$here/undefined_entity.docx" '[Content_Types].xml' _rels word)
# Tables nested 200 deep in one cell (Word allows far fewer): refused, not a stack overflow.
{
  printf '<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  i=0; while [ $i -lt 200 ]; do printf '<w:tbl><w:tr><w:tc>'; i=$((i+1)); done
  printf '<w:p><w:r><w:t>deep</w:t></w:r></w:p>'
  i=0; while [ $i -lt 200 ]; do printf '</w:tc></w:tr></w:tbl>'; i=$((i+1)); done
  printf '</w:body></w:document>\n'
} > "$tmp/bad/word/document.xml"
touch -t 202601010000 "$tmp/bad/word/document.xml"
(cd "$tmp/bad" && rm -f "$here/deep_nesting.docx" && zip -X -q -9 -r "$here/deep_nesting.docx" '[Content_Types].xml' _rels word)
head -c 41943040 /dev/zero | tr '\0' ' ' > "$tmp/bad/word/document.xml"
touch -t 202601010000 "$tmp/bad/word/document.xml"
(cd "$tmp/bad" && rm -f "$here/zip_bomb.docx" && zip -X -q -9 -r "$here/zip_bomb.docx" '[Content_Types].xml' _rels word)
echo "fixtures written to $here"
