// Internal to src/text: ICU's root word-break iterator over UTF-8, made once and reused across texts.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace tessera::text::detail {

/// The words ICU's root word-break rules find: segments whose rule status is letter, number,
/// kana or ideograph (punctuation, spaces and symbols are not words).
class IcuWords {
public:
    /// Points the iterator at `s`, which must stay alive while its words are walked.
    void reset(std::string_view s);

    /// Calls f(begin, end) with the byte range of each word of the text given to reset().
    template <class F>
    void for_each(F&& f) {
        int32_t start = m_breaker->first();
        for (int32_t end = m_breaker->next(); end != icu::BreakIterator::DONE; start = end, end = m_breaker->next())
            if (m_breaker->getRuleStatus() >= UBRK_WORD_NUMBER)
                f(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
    }

    std::int64_t count() {
        std::int64_t n = 0;
        for_each([&](std::size_t, std::size_t) { ++n; });
        return n;
    }

private:
    struct UTextCloser {
        void operator()(UText* t) const { utext_close(t); }
    };
    std::unique_ptr<UText, UTextCloser> m_text;
    std::unique_ptr<icu::BreakIterator> m_breaker;
};

}  // namespace tessera::text::detail
