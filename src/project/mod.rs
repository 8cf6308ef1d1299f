//! An analyst's work saved as `*.chronolane.json`: edits keyed by stable ids, applied after
//! re-extraction, written atomically.
