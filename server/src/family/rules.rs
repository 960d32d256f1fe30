//! Family links as plain data: how grants are stored, what the acting-for header may hold.

use linli_api::family::Grant;
use linli_api::ids::UserId;

/// Grants in their stored form: wire names joined by commas, e.g. `read_notices,vote_proxy`.
pub fn encode_grants(grants: &[Grant]) -> String {
    grants.iter().map(|grant| grant.as_str()).collect::<Vec<_>>().join(",")
}

/// The stored form back to grants; names this build does not know are dropped, so an
/// older server never grants more than it understands.
pub fn decode_grants(stored: &str) -> Vec<Grant> {
    let mut grants: Vec<Grant> = stored.split(',').filter_map(|name| Grant::parse(name.trim())).collect();
    grants.sort();
    grants.dedup();
    grants
}

/// The resident's user id from the `linli-acting-for` header, if it is one.
pub fn parse_acting_for(raw: Option<&str>) -> Option<UserId> {
    let id: i64 = raw?.trim().parse().ok()?;
    (id > 0).then_some(UserId(id))
}

/// The app path a family code opens: the page that accepts it.
pub fn join_path(display_code: &str) -> String {
    format!("/family/join?code={display_code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_survive_storage_and_unknown_names_are_dropped() {
        let grants = vec![Grant::ReadNotices, Grant::VoteProxy];
        assert_eq!(decode_grants(&encode_grants(&grants)), grants);
        assert_eq!(decode_grants("vote_proxy,launch_rockets,read_notices,vote_proxy"), grants);
        assert_eq!(decode_grants(""), vec![]);
    }

    #[test]
    fn only_a_positive_id_can_be_acted_for() {
        assert_eq!(parse_acting_for(Some(" 42 ")), Some(UserId(42)));
        for bad in [None, Some(""), Some("0"), Some("-3"), Some("x"), Some("4.2"), Some("99999999999999999999")] {
            assert_eq!(parse_acting_for(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_join_path_carries_the_code() {
        assert_eq!(join_path("K7PM-4XQ2"), "/family/join?code=K7PM-4XQ2");
    }
}
