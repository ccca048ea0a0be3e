//! Reading aloud: a card's word, then the sentence it stands in, with the
//! browser's own speech synthesis (the Web Speech API) in a Chinese voice
//! (zh-TW for a traditional text, zh-CN otherwise). Where the system has no
//! Chinese voice the card shows no button, rather than one that reads
//! Chinese with an English voice or not at all.

/// The language to ask for: the script decides between mainland and
/// Taiwanese Mandarin.
pub fn language(traditional: bool) -> &'static str {
    if traditional {
        "zh-TW"
    } else {
        "zh-CN"
    }
}

/// Whether a voice's language tag reads Chinese (zh-CN, zh_TW, cmn-Hans…).
pub fn is_chinese(lang: &str) -> bool {
    let lang = lang.to_ascii_lowercase();
    ["zh", "cmn", "yue"].iter().any(|p| {
        lang == *p || lang.starts_with(&format!("{p}-")) || lang.starts_with(&format!("{p}_"))
    })
}

/// Whether the system has a Chinese voice (the list may fill in only after
/// the page has loaded: the card asks again each time it opens).
#[cfg(target_arch = "wasm32")]
pub fn available() -> bool {
    let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return false;
    };
    synthesis.get_voices().iter().any(|voice| {
        js_sys::Reflect::get(&voice, &"lang".into())
            .ok()
            .and_then(|l| l.as_string())
            .is_some_and(|l| is_chinese(&l))
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub fn available() -> bool {
    false
}

/// Reads each of `texts` in turn, after stopping anything still being read.
#[cfg(target_arch = "wasm32")]
pub fn speak(texts: &[String], traditional: bool) {
    let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synthesis.cancel();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
            utterance.set_lang(language(traditional));
            synthesis.speak(&utterance);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn speak(_texts: &[String], _traditional: bool) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_voices_are_told_apart() {
        for lang in ["zh-CN", "zh-TW", "zh_HK", "cmn-Hans-CN", "yue-HK", "ZH"] {
            assert!(is_chinese(lang), "{lang}");
        }
        for lang in ["en-US", "za-ZA", "zha", ""] {
            assert!(!is_chinese(lang), "{lang}");
        }
        assert_eq!(language(true), "zh-TW");
        assert_eq!(language(false), "zh-CN");
    }
}
