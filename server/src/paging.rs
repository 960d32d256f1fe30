//! Keyset pages: a bounded number of rows after a cursor, and the cursor of the next page.
//! Storage fetches one row more than the page holds, so "is there more" costs no count.

/// Rows a page holds when the caller does not say.
pub const DEFAULT_PAGE: u32 = 50;
/// Rows a page holds at most, whatever the caller asks.
pub const MAX_PAGE: u32 = 100;

/// The page size to use for what the caller asked: 1 to [`MAX_PAGE`].
pub fn limit(asked: Option<u32>) -> i64 {
    i64::from(asked.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE))
}

/// Splits `rows` fetched with `limit + 1` into the page and, when there is more, the
/// cursor of its last row.
pub fn split<T, C>(mut rows: Vec<T>, limit: i64, cursor: impl FnOnce(&T) -> C) -> (Vec<T>, Option<C>) {
    if rows.len() as i64 <= limit {
        return (rows, None);
    }
    rows.truncate(limit as usize);
    let next = rows.last().map(cursor);
    (rows, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_bounded_and_know_whether_more_follow() {
        assert_eq!((limit(None), limit(Some(0)), limit(Some(1000))), (50, 1, 100));
        assert_eq!(split(vec![1, 2, 3], 2, |last| *last), (vec![1, 2], Some(2)));
        assert_eq!(split(vec![1, 2], 2, |last| *last), (vec![1, 2], None));
    }
}
