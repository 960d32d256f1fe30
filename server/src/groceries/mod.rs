//! Group grocery ordering (社区团购). The rules come first; storage, routes and the
//! cut-off worker follow (issue 5).

pub mod rules;
