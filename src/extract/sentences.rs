//! Sentence segmentation that survives news abbreviations; every sentence keeps its byte range.
