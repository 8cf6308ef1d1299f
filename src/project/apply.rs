//! Replaying the edit log on an extracted timeline. An edit whose event, actor or article is
//! not there (the article changed or went missing) is skipped and reported as pending, never
//! dropped: it applies again once its target is back.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{Actor, Article, Event, Grading, Timeline};

use super::edit::{Colour, Edit, GradeTarget};
use super::grading::{Gradebook, ReportKey};

/// The timeline as the analyst sees it, and the analyst's marks on it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// Every event that is not deleted, hidden ones included (see [`Applied::visible`]); report
    /// gradings are stamped on the sources.
    pub timeline: Timeline,
    pub annotations: Annotations,
    /// The edits that could not be applied, in log order.
    pub pending: Vec<Pending>,
}

/// What the analyst has marked that is not part of the timeline itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    /// Events left off the timeline and exports.
    pub hidden: BTreeSet<String>,
    /// The briefing list, in order.
    pub starred: Vec<String>,
    /// Notes by event id.
    pub notes: BTreeMap<String, String>,
    /// Lane colours by actor id.
    pub colours: BTreeMap<String, Colour>,
    pub grades: Gradebook,
    /// Events the analyst added by hand.
    pub manual: BTreeSet<String>,
}

/// An edit that is kept in the project but does not apply to this extraction.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// Position in the edit log.
    pub index: usize,
    pub edit: Edit,
    pub reason: PendingReason,
}

/// Why an edit does not apply.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PendingReason {
    #[error("event {0} is not in the timeline")]
    NoEvent(String),
    #[error("actor {0} is not in the timeline")]
    NoActor(String),
    #[error("article {0} is not loaded")]
    NoArticle(String),
    #[error("no event cites {0}")]
    NoReport(String),
    #[error("{alias:?} is not an alias of actor {actor}")]
    NotAnAlias { actor: String, alias: String },
    #[error("the id {0} is already taken")]
    IdTaken(String),
    #[error("actor {0} cannot refer to itself")]
    SelfReference(String),
}

impl Applied {
    /// The timeline without hidden events: what is drawn and exported.
    pub fn visible(&self) -> Timeline {
        let mut timeline = self.timeline.clone();
        timeline
            .events
            .retain(|e| !self.annotations.hidden.contains(&e.id));
        timeline
    }

    /// The briefing list as events, in order.
    pub fn starred_events(&self) -> Vec<&Event> {
        self.annotations
            .starred
            .iter()
            .filter_map(|id| self.timeline.events.iter().find(|e| &e.id == id))
            .collect()
    }
}

/// Applies `edits` in order to a copy of `base`.
pub fn apply(base: &Timeline, edits: &[Edit]) -> Applied {
    let mut work = Working::new(base.clone(), Annotations::default());
    let mut pending = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        if let Err(reason) = work.apply(edit) {
            pending.push(Pending {
                index,
                edit: edit.clone(),
                reason,
            });
        }
    }
    work.finish(pending)
}

/// Applies one more edit to an applied state without replaying the log (an edit in the app
/// costs one step, not the whole history); the result equals replaying the longer log. When
/// the edit does not apply, the state comes back unchanged, with the reason.
pub fn apply_next(applied: Applied, edit: &Edit) -> (Applied, Result<(), PendingReason>) {
    let Applied {
        timeline,
        annotations,
        pending,
    } = applied;
    let mut work = Working::new(timeline, annotations);
    let result = work.apply(edit);
    (work.finish(pending), result)
}

/// The timeline being edited: deleted events leave a hole so the id index stays valid.
struct Working {
    events: Vec<Option<Event>>,
    index: HashMap<String, usize>,
    actors: Vec<Actor>,
    articles: Vec<Article>,
    marks: Annotations,
}

impl Working {
    fn new(timeline: Timeline, marks: Annotations) -> Self {
        let mut index = HashMap::with_capacity(timeline.events.len());
        for (i, event) in timeline.events.iter().enumerate() {
            index.entry(event.id.clone()).or_insert(i);
        }
        Self {
            events: timeline.events.into_iter().map(Some).collect(),
            index,
            actors: timeline.actors,
            articles: timeline.articles,
            marks,
        }
    }

    /// Applies one edit, or changes nothing and says why not.
    fn apply(&mut self, edit: &Edit) -> Result<(), PendingReason> {
        match edit {
            Edit::SetDate { event, when } => self.event_mut(event)?.when = when.clone(),
            Edit::SetActors { event, actors } => {
                self.event_slot(event)?;
                self.require_actors(actors)?;
                self.event_mut(event)?.actors = dedup(actors.iter().cloned());
            }
            Edit::SetLabel { event, label } => self.event_mut(event)?.label = label.clone(),
            Edit::Hide { event } => {
                self.event_slot(event)?;
                self.marks.hidden.insert(event.clone());
            }
            Edit::Unhide { event } => {
                self.event_slot(event)?;
                self.marks.hidden.remove(event);
            }
            Edit::Delete { event } => {
                let slot = self.event_slot(event)?;
                self.events[slot] = None;
                self.index.remove(event);
                // Marks go with the event (their edits stay in the log), so a later event
                // added under the same id starts clean.
                let marks = &mut self.marks;
                marks.hidden.remove(event);
                marks.starred.retain(|id| id != event);
                marks.notes.remove(event);
                marks.manual.remove(event);
            }
            Edit::AddEvent { event, note } => {
                if self.index.contains_key(&event.id) {
                    return Err(PendingReason::IdTaken(event.id.clone()));
                }
                self.require_actors(&event.actors)?;
                self.index.insert(event.id.clone(), self.events.len());
                self.events.push(Some(event.clone()));
                self.marks.manual.insert(event.id.clone());
                if let Some(note) = note {
                    self.marks.notes.insert(event.id.clone(), note.clone());
                }
            }
            Edit::SetNote { event, note } => {
                self.event_slot(event)?;
                match note {
                    Some(note) => self.marks.notes.insert(event.clone(), note.clone()),
                    None => self.marks.notes.remove(event),
                };
            }
            Edit::Star { event, position } => {
                self.event_slot(event)?;
                let starred = &mut self.marks.starred;
                starred.retain(|id| id != event);
                let at = position.map_or(starred.len(), |p| p.min(starred.len()));
                starred.insert(at, event.clone());
            }
            Edit::Unstar { event } => {
                self.event_slot(event)?;
                self.marks.starred.retain(|id| id != event);
            }
            Edit::Grade { target, grading } => self.grade(target, *grading)?,
            Edit::RenameActor { actor, name } => rename(self.actor_mut(actor)?, name),
            Edit::MergeActors { into, from } => self.merge(into, from)?,
            Edit::SplitAlias {
                actor,
                alias,
                new_actor,
            } => self.split(actor, alias, new_actor)?,
            Edit::SetActorKind { actor, kind } => self.actor_mut(actor)?.kind = *kind,
            Edit::SetAffiliation { actor, affiliation } => {
                self.actor_slot(actor)?;
                if let Some(to) = affiliation {
                    if to == actor {
                        return Err(PendingReason::SelfReference(actor.clone()));
                    }
                    self.actor_slot(to)?;
                }
                self.actor_mut(actor)?.affiliation = affiliation.clone();
            }
            Edit::SetColour { actor, colour } => {
                self.actor_slot(actor)?;
                match colour {
                    Some(c) => self.marks.colours.insert(actor.clone(), *c),
                    None => self.marks.colours.remove(actor),
                };
            }
        }
        Ok(())
    }

    /// The timeline with deleted events gone and report gradings stamped.
    fn finish(self, pending: Vec<Pending>) -> Applied {
        let mut timeline = Timeline {
            articles: self.articles,
            actors: self.actors,
            events: self.events.into_iter().flatten().collect(),
        };
        self.marks.grades.stamp(&mut timeline);
        Applied {
            timeline,
            annotations: self.marks,
            pending,
        }
    }

    fn event_slot(&self, id: &str) -> Result<usize, PendingReason> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| PendingReason::NoEvent(id.to_string()))
    }

    fn event_mut(&mut self, id: &str) -> Result<&mut Event, PendingReason> {
        let slot = self.event_slot(id)?;
        self.events[slot]
            .as_mut()
            .ok_or_else(|| PendingReason::NoEvent(id.to_string()))
    }

    fn actor_slot(&self, id: &str) -> Result<usize, PendingReason> {
        self.actors
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| PendingReason::NoActor(id.to_string()))
    }

    fn actor_mut(&mut self, id: &str) -> Result<&mut Actor, PendingReason> {
        let slot = self.actor_slot(id)?;
        Ok(&mut self.actors[slot])
    }

    fn require_actors(&self, ids: &[String]) -> Result<(), PendingReason> {
        ids.iter().try_for_each(|id| self.actor_slot(id).map(drop))
    }

    fn live_events(&mut self) -> impl Iterator<Item = &mut Event> {
        self.events.iter_mut().flatten()
    }

    fn grade(
        &mut self,
        target: &GradeTarget,
        grading: Option<Grading>,
    ) -> Result<(), PendingReason> {
        let grades = &mut self.marks.grades;
        match target {
            GradeTarget::Article { article } => {
                if !self.articles.iter().any(|a| &a.id == article) {
                    return Err(PendingReason::NoArticle(article.clone()));
                }
                match grading {
                    Some(g) => grades.articles.insert(article.clone(), g),
                    None => grades.articles.remove(article),
                };
            }
            GradeTarget::Source {
                article,
                start,
                end,
            } => {
                let key = ReportKey {
                    article: article.clone(),
                    start: *start,
                    end: *end,
                };
                let cited = self
                    .events
                    .iter()
                    .flatten()
                    .any(|e| e.sources.iter().any(|s| ReportKey::of(s) == key));
                if !cited {
                    return Err(PendingReason::NoReport(target.to_string()));
                }
                match grading {
                    Some(g) => grades.reports.insert(key, g),
                    None => grades.reports.remove(&key),
                };
            }
        }
        Ok(())
    }

    fn merge(&mut self, into: &str, from: &str) -> Result<(), PendingReason> {
        if into == from {
            return Err(PendingReason::SelfReference(into.to_string()));
        }
        self.actor_slot(into)?;
        let from_slot = self.actor_slot(from)?;
        let gone = self.actors.remove(from_slot);
        let keep = self.actor_mut(into)?;
        let forms = std::iter::once(gone.name).chain(gone.aliases);
        for form in forms {
            add_alias(keep, &form);
        }
        if keep.affiliation.as_deref() == Some(from) {
            keep.affiliation = gone.affiliation.filter(|a| a != into);
        }
        for actor in &mut self.actors {
            if actor.affiliation.as_deref() == Some(from) {
                actor.affiliation = Some(into.to_string());
            }
        }
        for event in self.live_events() {
            if event.actors.iter().any(|a| a == from) {
                let repointed = event
                    .actors
                    .iter()
                    .map(|a| if a == from { into } else { a.as_str() })
                    .map(str::to_string);
                event.actors = dedup(repointed);
            }
        }
        if let Some(colour) = self.marks.colours.remove(from) {
            self.marks.colours.entry(into.to_string()).or_insert(colour);
        }
        Ok(())
    }

    fn split(&mut self, actor: &str, alias: &str, new_actor: &str) -> Result<(), PendingReason> {
        let slot = self.actor_slot(actor)?;
        if self.actor_slot(new_actor).is_ok() {
            return Err(PendingReason::IdTaken(new_actor.to_string()));
        }
        let original = &mut self.actors[slot];
        let Some(at) = original
            .aliases
            .iter()
            .position(|a| a.eq_ignore_ascii_case(alias))
        else {
            return Err(PendingReason::NotAnAlias {
                actor: actor.to_string(),
                alias: alias.to_string(),
            });
        };
        let name = original.aliases.remove(at);
        let remaining: Vec<String> = std::iter::once(original.name.clone())
            .chain(original.aliases.iter().cloned())
            .collect();
        let split = Actor {
            id: new_actor.to_string(),
            name: name.clone(),
            kind: original.kind,
            aliases: Vec::new(),
            affiliation: original.affiliation.clone(),
            mentions: Vec::new(),
        };
        self.actors.insert(slot + 1, split);
        for event in self.live_events() {
            if !event.actors.iter().any(|a| a == actor) {
                continue;
            }
            let quotes = || event.sources.iter().map(|s| s.quote.as_str());
            let names_alias = quotes().any(|q| mentions(q, &name));
            let names_rest = quotes().any(|q| remaining.iter().any(|r| mentions(q, r)));
            if names_alias && !names_rest {
                let repointed = event
                    .actors
                    .iter()
                    .map(|a| if a == actor { new_actor } else { a.as_str() })
                    .map(str::to_string);
                event.actors = dedup(repointed);
            }
        }
        Ok(())
    }
}

/// Renames an actor, keeping the old name as an alias so its mentions still match.
fn rename(actor: &mut Actor, name: &str) {
    if actor.name == name {
        return;
    }
    let old = std::mem::replace(&mut actor.name, name.to_string());
    actor.aliases.retain(|a| !a.eq_ignore_ascii_case(name));
    add_alias(actor, &old);
}

fn add_alias(actor: &mut Actor, form: &str) {
    if !actor.is_named(form) {
        actor.aliases.push(form.to_string());
    }
}

/// Keeps the first of each id, in order.
fn dedup(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// Whether `text` names `form` as a whole word, ignoring case.
fn mentions(text: &str, form: &str) -> bool {
    let form = form.trim().to_lowercase();
    if form.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    text.match_indices(&form).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_whole_words_only() {
        assert!(mentions("Lavrov said on Monday", "lavrov"));
        assert!(mentions("talks with Lavrov.", "Lavrov"));
        assert!(!mentions("the Lavrovs said", "Lavrov"));
        assert!(!mentions("anything", ""));
    }
}
