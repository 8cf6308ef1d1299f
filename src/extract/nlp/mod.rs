//! Statistical language models trained here and shipped as weights: a part-of-speech tagger
//! and a named-entity recogniser, both averaged perceptrons over hashed features (see
//! `assets/models/README.md` for the data, the licences and the one training command).
//!
//! The rule-based actor finder keeps the gazetteer's job (canonical names, affiliations);
//! these models find the names no list knows.

pub mod casing;
pub mod corpus;
pub mod features;
pub mod hash;
pub mod model;
pub mod ner;
pub mod perceptron;
pub mod pos;
pub mod tokenize;
pub mod train;
