// Implementation of icu_words.hpp.
#include "text/icu_words.hpp"

#include "util/error.hpp"

#include <string>

namespace tessera::text::detail {

void IcuWords::reset(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    UText* t = utext_openUTF8(m_text.get(), s.data(), static_cast<int64_t>(s.size()), &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: cannot open text: ") + u_errorName(status));
    if (!m_text) m_text.reset(t);
    if (!m_breaker) {
        m_breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) throw Error(std::string("ICU: word break iterator: ") + u_errorName(status));
    }
    m_breaker->setText(t, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: word break iterator: ") + u_errorName(status));
}

}  // namespace tessera::text::detail
