//! HTML → a flat list of tags and text, with html5ever's tokenizer (entities decoded, raw-text
//! elements such as `<script>` kept apart). No tree is built, so a page nested 100,000 deep costs
//! no more than a flat one and nothing here recurses.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// One token of a page, as far as text extraction cares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    Text(String),
}

impl Item {
    /// The value of attribute `key` of a start tag (names are lower case).
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Self::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Tokenizes a whole page.
pub(crate) fn tokenize(html: &str) -> Vec<Item> {
    let tokenizer = Tokenizer::new(Collector::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `feed` pauses only for scripts and encoding hints, which this sink never asks for; the
    // bound keeps a surprise from turning into a hang.
    for _ in 0..html.len().saturating_add(2) {
        if matches!(tokenizer.feed(&input), html5ever::TokenizerResult::Done) {
            break;
        }
    }
    tokenizer.end();
    tokenizer.sink.items.take()
}

#[derive(Default)]
struct Collector {
    items: RefCell<Vec<Item>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut items = self.items.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                if tag.kind == TagKind::EndTag {
                    items.push(Item::End(name));
                    return TokenSinkResult::Continue;
                }
                let raw = match name.as_str() {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        Some(RawKind::Rawtext)
                    }
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                items.push(Item::Start {
                    name,
                    attrs: tag
                        .attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect(),
                    self_closing: tag.self_closing,
                });
                match raw {
                    Some(kind) if !tag.self_closing => TokenSinkResult::RawData(kind),
                    _ => TokenSinkResult::Continue,
                }
            }
            Token::CharacterTokens(text) => {
                match items.last_mut() {
                    Some(Item::Text(last)) => last.push_str(&text),
                    _ => items.push(Item::Text(text.to_string())),
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_and_scripts_kept_raw() {
        let items =
            tokenize("<p title=\"a&amp;b\">Caf&eacute; &lt;3</p><script>if (a<b) {}</script>");
        assert_eq!(items[0].attr("title"), Some("a&b"));
        assert_eq!(items[1], Item::Text("Café <3".into()));
        assert_eq!(items[4], Item::Text("if (a<b) {}".into()));
    }
}
