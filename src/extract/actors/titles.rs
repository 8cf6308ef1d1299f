//! Titles and role words: what marks the next capitalised words as a person ("Foreign Minister
//! Sergei Lavrov", "Kremlin spokesman Dmitry Peskov"), and what a definite description
//! ("the Syrian president") can refer back to.

use std::sync::LazyLock;

use super::word_set::{WordSet, longest_len};

// The word lists as sets, built once: these are asked about every capitalised word, so a quick
// test on its length and first byte answers most of them (see [`WordSet`]).
static TITLE_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLE_HEADS));
static TITLE_MODIFIER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLE_MODIFIERS));
static ROLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ROLE_WORDS));
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAMES));
static NOT_SINGLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_SINGLE_NAMES));
static ORG_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_HEADS));

/// Capitalised words that head a title written before a name.
const TITLE_HEADS: &[&str] = &[
    "President",
    "Minister",
    "Secretary",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Emir",
    "General",
    "Gen.",
    "Governor",
    "Gov.",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Judge",
    "Justice",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "CEO",
    "Chairman",
    "Chairwoman",
    "Director",
    "Ambassador",
    "Pope",
    "Cardinal",
    "Colonel",
    "Col.",
    "Commander",
    "Mayor",
    "Premier",
    "Envoy",
    "Ayatollah",
    "Lt.",
    "Sgt.",
    "Captain",
    "Capt.",
    "Admiral",
    "Adm.",
    "Founder",
    "Co-founder",
    "Manager",
    "Leader",
    "Officer",
    "Prof.",
    "Professor",
    "Rev.",
    "Archbishop",
    "Bishop",
    "Analyst",
    "Reporter",
    "Editor",
    "Economist",
    "Detective",
    "Officer",
    "Agent",
    "Coach",
    "Chief",
    "Speaker",
    "Attorney",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Vice-President",
    "Commissioner",
    "Inspector",
    "Superintendent",
    "Sergeant",
    "Lieutenant",
    "Major",
    "Marshal",
    "State",
];

/// Capitalised words that qualify a title head ("Foreign Minister", "Prime Minister",
/// "Secretary of State", "Chief Executive").
const TITLE_MODIFIERS: &[&str] = &[
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Finance",
    "Prime",
    "Vice",
    "Deputy",
    "Presiding",
    "Chief",
    "Executive",
    "Acting",
    "Former",
    "Supreme",
    "Grand",
    "Crown",
    "Attorney",
    "Health",
    "Economy",
    "Trade",
    "Energy",
    "Justice",
    "Education",
    "Culture",
    "Labor",
    "Labour",
    "Home",
    "Opposition",
    "Senior",
    "Assistant",
    "Under",
    "Head",
    "First",
    "Managing",
    "Executive",
    "Co",
    "of",
    "the",
];

/// Lower-case role words written right before a name ("spokesman Dmitry Peskov").
const ROLE_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "secretary",
    "officer",
    "executive",
    "ceo",
    "chairman",
    "chairwoman",
    "director",
    "manager",
    "judge",
    "founder",
    "co-founder",
    "head",
    "leader",
    "official",
    "ambassador",
    "envoy",
    "analyst",
    "commander",
    "editor",
    "professor",
    "lawyer",
    "attorney",
    "chief",
    "governor",
    "senator",
    "mayor",
    "general",
    "colonel",
    "captain",
    "correspondent",
    "reporter",
    "researcher",
    "economist",
    "scientist",
    "author",
    "singer",
    "actor",
    "player",
    "coach",
    "boss",
    "negotiator",
    "diplomat",
    "adviser",
    "advisor",
    "aide",
    "activist",
    "founder",
    "designer",
    "engineer",
    "developer",
    "investor",
    "entrepreneur",
    "banker",
    "prosecutor",
    "justice",
];

/// Whether `word` heads a title ("President", "Minister", "CEO").
pub fn is_title_head(word: &str) -> bool {
    TITLE_HEAD_SET.contains(word)
}

/// Whether `word` qualifies a title ("Foreign" in "Foreign Minister").
pub fn is_title_modifier(word: &str) -> bool {
    TITLE_MODIFIER_SET.contains(word)
}

/// Whether a lower-case `word` names a role held by a person.
pub fn is_role_word(word: &str) -> bool {
    // a word with no capital is its own lower case: no second look-up
    if ROLE_SET.contains(word) {
        return true;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    // lower-cased in a buffer on the stack rather than a new String (the names' scan asks
    // this of thousands of capitalised words): a word longer than every role word is none
    let mut buffer = [0; LONGEST_ROLE_WORD];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII lower-casing keeps the bytes UTF-8
    std::str::from_utf8(lower).is_ok_and(|lower| ROLE_SET.contains(lower))
}

/// The length of the longest of [`ROLE_WORDS`], the room [`is_role_word`] lower-cases in.
const LONGEST_ROLE_WORD: usize = longest_len(ROLE_WORDS);

/// Role words and the family each belongs to, for [`role_family`].
const ROLE_FAMILIES: &[(&str, &str)] = &[
    ("president", "leader"),
    ("leader", "leader"),
    ("king", "leader"),
    ("queen", "leader"),
    ("premier", "leader"),
    ("prime", "leader"),
    ("chancellor", "leader"),
    ("emir", "leader"),
    ("minister", "minister"),
    ("spokesman", "spokesman"),
    ("spokeswoman", "spokesman"),
    ("spokesperson", "spokesman"),
    ("ceo", "executive"),
    ("executive", "executive"),
    ("chairman", "executive"),
    ("chief", "executive"),
    ("judge", "judge"),
    ("justice", "judge"),
];

/// The role a definite description names, normalised ("leader" covers heads of state).
/// Compared ignoring ASCII case rather than lower-cased into a new String: it is asked about
/// title words in every sentence.
pub fn role_family(word: &str) -> Option<&'static str> {
    ROLE_FAMILIES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, family)| family)
}

/// Words that start sentences or headlines with a capital but never name an actor.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "His",
    "Her",
    "They",
    "Their",
    "We",
    "Our",
    "I",
    "You",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "In",
    "On",
    "At",
    "By",
    "For",
    "With",
    "From",
    "To",
    "Of",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Until",
    "During",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Moreover",
    "Also",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Citing",
    "According",
    "Source",
    "Sources",
    "Copyright",
    "Join",
    "Reprinted",
    "Photo",
    "Read",
    "More",
    "Click",
    "Subscribe",
    "Share",
    "Advertisement",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Other",
    "Another",
    "One",
    "Two",
    "Three",
    "Several",
    "Such",
    "Under",
    "Over",
    "Despite",
    "Amid",
    "Among",
    "Between",
    "Against",
    "Without",
    "About",
    "Around",
    "Through",
    "Speaking",
    "Asked",
    "Like",
    "Unlike",
    "Even",
    "Only",
    "Just",
    "Still",
    "Already",
    "Not",
    "No",
    "Yes",
    "Please",
    "Thank",
    "Thanks",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Oct",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Nov",
    "Dec",
    "I've",
    "I'm",
    "I'd",
    "I'll",
    "Nov.",
    "Dec.",
    "Mr",
    "Mrs",
    "Ms",
    "Breaking",
    "Update",
    "Updated",
    "Exclusive",
    "Analysis",
    "Opinion",
    "Editorial",
    "Video",
    "Watch",
    "Live",
    "Full",
    "Story",
    "Report",
    "Reports",
    "Statement",
    "News",
    "Press",
    "Release",
    "Page",
    "Wikinews",
    "Internet",
    "Web",
    "Website",
    "Online",
    "Email",
    "Tel",
    "Fax",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
];

/// Capitalised adjectives and common nouns that are no actor on their own.
const NOT_SINGLE_NAMES: &[&str] = &[
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "West",
    "East",
    "North",
    "South",
    "Islamic",
    "Muslim",
    "Christian",
    "Jewish",
    "Arab",
    "God",
    "Allah",
    "European",
    "African",
    "Asian",
    "Latin",
    "Middle",
    "Central",
    "National",
    "International",
    "Federal",
    "State",
    "Republic",
    "Democratic",
    "Republican",
    "Communist",
    "Socialist",
    "Liberal",
    "Conservative",
    "Labour",
    "Sunni",
    "Shia",
    "Shiite",
    "Catholic",
    "Protestant",
    "Orthodox",
    "Kurdish",
    "Kurds",
    "President",
    "Minister",
    "Government",
    "Parliament",
    "Army",
    "Police",
    "Court",
    "Congress",
    "Senate",
    "Ministry",
    "Prime",
    "Foreign",
    "Defense",
    "Chief",
    "Executive",
    "Director",
    "Company",
    "CEO",
    "Inc",
    "Inc.",
    "Corp",
    "TV",
    "Radio",
    "AM",
    "PM",
    "GMT",
    "UTC",
    "EST",
    "OK",
    "Mac",
    "PC",
    "Internet",
    "English",
    "French",
    "German",
    "Spanish",
    "Chinese",
    "Japanese",
    "Russian",
    "American",
    "British",
    "Italian",
];

/// Capitalised common nouns and regions that news writes alone ("Officials said", "Europe").
const COMMON_CAPITALISED: &[&str] = &[
    "Officials",
    "Files",
    "Independence",
    "Christmas",
    "Easter",
    "Immigration",
    "Europe",
    "Africa",
    "Asia",
    "Americas",
    "Media",
    "Church",
    "Police",
    "Army",
    "Navy",
    "Parliament",
    "Government",
    "Court",
    "Congress",
    "Senate",
    "Cabinet",
    "Ministry",
    "Embassy",
    "Mass",
];
static COMMON_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(COMMON_CAPITALISED));

/// Head words of places, which are not actors ("Rose Garden", "Moscone Center" aside).
const PLACE_HEADS: &[&str] = &[
    "Street",
    "Avenue",
    "Square",
    "Park",
    "Garden",
    "Gardens",
    "Hall",
    "Palace",
    "Building",
    "Stadium",
    "Airport",
    "Station",
    "Bridge",
    "Road",
    "Island",
    "Islands",
    "River",
    "Mountain",
    "Mountains",
    "Valley",
    "Bay",
    "Beach",
    "Lake",
    "County",
    "Province",
    "Region",
    "District",
    "City",
    "Theater",
    "Theatre",
    "Flight",
    "Highway",
    "Boulevard",
    "Plaza",
    "Coast",
    "Desert",
];
static PLACE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_HEADS));

/// Whether a run ending in `word` names a place or a thing, not an actor.
pub fn is_place_head(word: &str) -> bool {
    PLACE_SET.contains(word)
}

/// Whether a capitalised word standing alone is an adjective or common noun, not an actor.
pub fn is_not_single_name(word: &str) -> bool {
    NOT_SINGLE_SET.contains(word)
        || NOT_NAME_SET.contains(word)
        || COMMON_SET.contains(word)
        || is_file_name(word)
}

/// Whether a word is the name of a file ("Rates.pdf", "Budget_draft.doc"): mail and web pages
/// name attachments, which are no parties.
pub fn is_file_name(word: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "htm", "html", "txt", "jpg", "jpeg",
        "png", "gif", "zip", "csv",
    ];
    word.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// Whether a capitalised word is a function word, month, weekday or boilerplate label.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAME_SET.contains(word)
}

/// Head nouns that make a capitalised run an organisation ("... Ministry", "... Inc.").
const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Observatory",
    "Inc.",
    "Inc",
    "Corp.",
    "Corp",
    "Corporation",
    "Company",
    "Co.",
    "Corps",
    "Agency",
    "Council",
    "Committee",
    "Party",
    "Front",
    "Army",
    "Court",
    "Courts",
    "Bank",
    "University",
    "Institute",
    "Foundation",
    "Association",
    "Organization",
    "Organisation",
    "Commission",
    "Office",
    "Department",
    "Group",
    "Records",
    "Ltd.",
    "Ltd",
    "Plc",
    "LLC",
    "Network",
    "Union",
    "Workers",
    "Federation",
    "League",
    "Authority",
    "Service",
    "Services",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Coalition",
    "Alliance",
    "Movement",
    "Brigade",
    "Brigades",
    "Forces",
    "Police",
    "Guard",
    "Navy",
    "Church",
    "Studios",
    "Entertainment",
    "Pictures",
    "Airlines",
    "Airways",
    "Motors",
    "Holdings",
    "Industries",
    "Technologies",
    "Systems",
    "Labs",
    "Laboratories",
    "Media",
    "Press",
    "Times",
    "Post",
    "News",
    "Journal",
    "Television",
    "TV",
    "Radio",
    "Broadcasting",
    "Channel",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Cabinet",
    "Government",
    "Administration",
    "Tribunal",
    "Secretariat",
    "Mission",
    "Embassy",
    "Fund",
    "Trust",
    "Society",
    "Club",
    "Team",
    "Council",
    "Conference",
    "Store",
    "Exchange",
    "Institution",
    "Hospital",
    "School",
    "College",
    "Academy",
    "Museum",
    "Library",
    "Nations",
    "Regiment",
    "Division",
];

/// Whether a run ending in `word` names an organisation.
pub fn is_org_head(word: &str) -> bool {
    ORG_HEAD_SET.contains(word)
}

/// Words that, after a company's short name, still mean the company ("Apple Computer").
pub fn is_corporate_tail(word: &str) -> bool {
    matches!(
        word,
        "Computer"
            | "Computers"
            | "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Corporation"
            | "Co"
            | "Co."
            | "Ltd"
            | "Ltd."
            | "Company"
            | "Plc"
            | "LLC"
            | "Group"
            | "Holdings"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_lowered_on_the_stack_are_found_as_a_lower_cased_copy_finds_them() {
        let mut words: Vec<String> = ["", "X", "CEO", "Über", "ÉLYSÉE", "SPOKESPERSONS"]
            .into_iter()
            .map(String::from)
            .collect();
        for w in ROLE_WORDS {
            let mut capitalised = w.to_string();
            capitalised[..1].make_ascii_uppercase();
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                capitalised,
                format!("{w}S"),
            ]);
        }
        for word in &words {
            let general = ROLE_SET.contains(word.as_str())
                || ROLE_SET.contains(word.to_ascii_lowercase().as_str());
            assert_eq!(is_role_word(word), general, "{word}");
        }
        assert!(is_role_word("Spokesperson") && is_role_word("CEO"));
    }
}
