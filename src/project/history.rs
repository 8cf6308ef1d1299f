//! Undo and redo over the edit log. The log is the document: undo takes a step back out of it
//! and the timeline is replayed from the extraction, so an undone state is exactly the earlier
//! one, not an approximation rebuilt by inverse operations.

use super::edit::Edit;

/// The edit log with its undo and redo stacks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    log: Vec<Edit>,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// One thing the analyst did to the log.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// Edits appended at the end by one action (one edit, or "show hidden events" unhiding
    /// each): undone and redone together.
    Added(Vec<Edit>),
    /// The edit at `index` taken out (discarding a pending edit, reverting an old one).
    Removed { index: usize, edit: Edit },
}

impl History {
    /// A log read from a project: its edits are the starting point, not undoable steps.
    pub fn new(log: Vec<Edit>) -> Self {
        Self {
            log,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The edits in the order they apply.
    pub fn log(&self) -> &[Edit] {
        &self.log
    }

    /// Appends an edit; whatever had been undone can no longer be redone.
    pub fn push(&mut self, edit: Edit) {
        self.push_all(vec![edit]);
    }

    /// Appends the edits of one action as a single step; nothing when there are none.
    pub fn push_all(&mut self, edits: Vec<Edit>) {
        if edits.is_empty() {
            return;
        }
        self.log.extend(edits.iter().cloned());
        self.undo.push(Step::Added(edits));
        self.redo.clear();
    }

    /// Takes the edit at `index` out of the log, as a step that can be undone.
    pub fn remove(&mut self, index: usize) -> Option<Edit> {
        if index >= self.log.len() {
            return None;
        }
        let edit = self.log.remove(index);
        self.undo.push(Step::Removed {
            index,
            edit: edit.clone(),
        });
        self.redo.clear();
        Some(edit)
    }

    /// Steps back; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        match &step {
            Step::Added(edits) => {
                let keep = self.log.len().saturating_sub(edits.len());
                self.log.truncate(keep);
            }
            Step::Removed { index, edit } => {
                let at = (*index).min(self.log.len());
                self.log.insert(at, edit.clone());
            }
        }
        self.redo.push(step);
        true
    }

    /// Steps forward again; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match &step {
            Step::Added(edits) => self.log.extend(edits.iter().cloned()),
            Step::Removed { index, .. } => {
                if *index < self.log.len() {
                    self.log.remove(*index);
                }
            }
        }
        self.undo.push(step);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would take back, for the menu ("Undo hide event e3").
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(Step::describe)
    }

    /// What redo would do again.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(Step::describe)
    }
}

impl Step {
    fn describe(&self) -> String {
        match self {
            Self::Added(edits) => match edits.as_slice() {
                [one] => one.describe(),
                many if many.iter().all(|e| matches!(e, Edit::Unhide { .. })) => {
                    format!("show {} hidden events", many.len())
                }
                many => format!("{} corrections", many.len()),
            },
            Self::Removed { edit, .. } => format!("discard \"{}\"", edit.describe()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hide(id: &str) -> Edit {
        Edit::Hide { event: id.into() }
    }

    #[test]
    fn undo_and_redo_walk_the_log_both_ways() {
        let mut history = History::new(vec![hide("loaded")]);
        assert!(!history.can_undo(), "loaded edits are not undo steps");
        history.push(hide("a"));
        history.push(hide("b"));
        assert_eq!(history.undo_label().as_deref(), Some("hide event b"));
        assert!(history.undo());
        assert_eq!(history.log(), &[hide("loaded"), hide("a")]);
        assert!(history.redo());
        assert_eq!(history.log(), &[hide("loaded"), hide("a"), hide("b")]);
        assert!(!history.redo());
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_branch() {
        let mut history = History::default();
        history.push(hide("a"));
        history.undo();
        history.push(hide("b"));
        assert!(!history.can_redo());
        assert_eq!(history.log(), &[hide("b")]);
    }

    #[test]
    fn edits_of_one_action_undo_and_redo_as_one_step() {
        let show = |id: &str| Edit::Unhide { event: id.into() };
        let mut history = History::new(vec![hide("a"), hide("b"), hide("c")]);
        history.push_all(vec![show("a"), show("b"), show("c")]);
        assert_eq!(
            history.undo_label().as_deref(),
            Some("show 3 hidden events")
        );
        assert!(history.undo());
        assert_eq!(history.log(), &[hide("a"), hide("b"), hide("c")]);
        assert!(!history.can_undo(), "one action, one step");
        assert!(history.redo());
        assert_eq!(history.log().len(), 6);
        assert!(!history.can_redo());
    }

    #[test]
    fn removing_an_old_edit_is_undoable_in_place() {
        let mut history = History::new(vec![hide("a"), hide("b"), hide("c")]);
        assert_eq!(history.remove(1), Some(hide("b")));
        assert_eq!(history.log(), &[hide("a"), hide("c")]);
        assert!(history.undo());
        assert_eq!(history.log(), &[hide("a"), hide("b"), hide("c")]);
        assert!(history.redo());
        assert_eq!(history.log(), &[hide("a"), hide("c")]);
        assert_eq!(history.remove(7), None);
    }
}
