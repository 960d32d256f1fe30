//! The discussion hall (议事厅): topics, discussion and votes with lawful, verifiable
//! tallies. This first part holds the pure rules; routes and storage follow.

pub mod ballot;
pub mod tally;
