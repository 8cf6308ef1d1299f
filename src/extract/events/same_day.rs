//! "The same day", "at the same time": the earlier dated happening such a sentence points back
//! to, found through an index of the article's dated events by the words of their quotes and
//! by their actors. Comparing the sentence with every earlier event made a long document
//! quadratic (a 10 MB text has hundreds of such sentences and tens of thousands of events).

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{content_words, dating};
use crate::model::{Event, When};

/// The events that can carry a scene (dated to the day, not inferred), by content word of
/// their first quote and by actor id, each listing event indices in order.
#[derive(Default)]
pub struct SceneIndex {
    /// How many of the article's events have been looked at.
    read: usize,
    /// (Fx hashing: the keys are the article's own words and ids, and the order of the maps
    /// is never read; SipHash cost more than the rest of filing an event.)
    by_word: FxHashMap<u64, Vec<usize>>,
    /// One entry per occurrence of the id in an event's actors.
    by_actor: FxHashMap<String, Vec<usize>>,
}

impl SceneIndex {
    /// Files the events added since the last call. Events never change once built, so each is
    /// read once.
    pub fn catch_up(&mut self, events: &[Event], dct: Option<NaiveDate>) {
        for (i, e) in events.iter().enumerate().skip(self.read) {
            if e.when.inferred || !dating::carries_scene(&e.when, dct) {
                continue;
            }
            let quote = e.sources.first().map_or("", |s| s.quote.as_str());
            for w in content_words(quote) {
                self.by_word.entry(w).or_default().push(i);
            }
            for a in &e.actors {
                // (the id is copied only the first time it is filed)
                match self.by_actor.get_mut(a) {
                    Some(filed) => filed.push(i),
                    None => {
                        self.by_actor.insert(a.clone(), vec![i]);
                    }
                }
            }
        }
        self.read = self.read.max(events.len());
    }

    /// The date of the filed event that shares the most with `sentence`: two points per actor
    /// of it among `actors`, one per content word its quote shares with the sentence; of
    /// equal scores the latest event. `None` when no filed event shares anything.
    pub fn date(&self, events: &[Event], actors: &[String], sentence: &str) -> Option<When> {
        // (which event scores most is read with ties broken by index: the map's order, which
        // Fx hashing changes, is never seen)
        let mut score: FxHashMap<usize, usize> = FxHashMap::default();
        for (k, a) in actors.iter().enumerate() {
            if actors[..k].contains(a) {
                continue;
            }
            for &i in self.by_actor.get(a).into_iter().flatten() {
                *score.entry(i).or_default() += 2;
            }
        }
        for w in content_words(sentence) {
            for &i in self.by_word.get(&w).into_iter().flatten() {
                *score.entry(i).or_default() += 1;
            }
        }
        score
            .into_iter()
            .max_by_key(|&(i, s)| (s, i))
            .and_then(|(i, _)| events.get(i))
            .map(|e| e.when.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceRef;

    fn event(day: u32, actors: &[&str], quote: &str, inferred: bool) -> Event {
        let date = NaiveDate::from_ymd_opt(2015, 10, day).expect("a valid day");
        let mut when = When::day(date);
        when.inferred = inferred;
        Event {
            id: format!("e{day}"),
            when,
            actors: actors.iter().map(|a| a.to_string()).collect(),
            agents: Vec::new(),
            label: String::new(),
            confidence: 1.0,
            sources: vec![SourceRef {
                article: "a".into(),
                start: 0,
                end: quote.len(),
                quote: quote.into(),
                timex: None,
                grading: None,
            }],
        }
    }

    #[test]
    fn the_same_day_is_the_dated_event_sharing_most_actors_and_words() {
        let dct = NaiveDate::from_ymd_opt(2015, 10, 31);
        let events = vec![
            event(
                20,
                &["russia"],
                "Russian envoys arrived in Vienna for talks.",
                false,
            ),
            event(
                21,
                &["syria", "russia"],
                "Assad flew to Moscow for meetings.",
                false,
            ),
            // inferred dates carry no scene, however much they share
            event(
                22,
                &["syria", "russia"],
                "Assad flew to Moscow for meetings.",
                true,
            ),
            event(23, &["iran"], "Tehran stayed silent.", false),
        ];
        let mut index = SceneIndex::default();
        index.catch_up(&events, dct);
        let actors = vec!["syria".to_string(), "russia".to_string()];
        let when = index.date(
            &events,
            &actors,
            "The same day, meetings continued in Moscow.",
        );
        assert_eq!(when, Some(events[1].when.clone()));
        // no shared actor or word: no date
        assert_eq!(index.date(&events, &[], "Nothing in common here."), None);
        // ties go to the latest event
        let when = index.date(&events, &["russia".to_string()], "Same day.");
        assert_eq!(when, Some(events[1].when.clone()));
    }
}
