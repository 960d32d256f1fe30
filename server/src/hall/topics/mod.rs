//! Topics of the discussion hall: discussion threads, residents' proposals that go to a
//! vote on enough support, and the follow-up that closes the loop.

pub mod routes;
pub mod rules;
pub mod storage;
