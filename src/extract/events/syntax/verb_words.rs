//! The word lists the clause reader tells verbs by: auxiliaries, the irregular past forms news
//! uses most, "-ed" words that are no verbs, and the verbs that report speech. Kept apart from
//! the reader's code, which files them once into [`super::VERB_FORMS`].

pub(super) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "shall", "should", "may", "might", "must",
];

/// Irregular past forms that news uses most.
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "flew", "met", "went", "came", "began", "begun", "took", "taken", "gave",
    "given", "made", "won", "lost", "sold", "bought", "saw", "seen", "held", "led", "left", "ran",
    "spoke", "wrote", "written", "broke", "broken", "fell", "rose", "struck", "fought", "sent",
    "spent", "built", "paid", "cut", "hit", "put", "set", "shut", "quit", "let", "brought",
    "thought", "found", "kept", "became", "grew", "drew", "chose", "chosen", "stood", "sought",
    "meant", "felt", "heard", "knew", "known", "shot", "withdrew", "forecast", "laid", "lent",
    "spread", "struck", "sank", "swore", "sworn", "hung", "dealt", "bet", "bid", "fled",
    "overtook",
];

/// "-ed" words that are no verbs.
pub(super) const NOT_VERBS: &[&str] = &[
    "need",
    "indeed",
    "speed",
    "seed",
    "feed",
    "proceed",
    "red",
    "bed",
    "hundred",
    "united",
    "armed",
    "based",
    "related",
    "limited",
    "so-called",
    "advanced",
    "detailed",
    "supposed",
];

/// Verbs that introduce what somebody said, so a "that" after them opens reported content.
pub(super) const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "states",
    "added",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "denied",
    "insisted",
    "warned",
    "warns",
    "revealed",
    "argued",
    "believes",
    "believed",
    "noted",
    "estimated",
    "expects",
    "expected",
    "predicted",
    "hoped",
    "feared",
    "agreed",
];
