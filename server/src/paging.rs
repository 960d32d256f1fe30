//! Keyset pages: a bounded number of rows after a cursor, and the cursor of the next page.
//! Storage fetches one row more than the page holds, so "is there more" costs no count.

use crate::error::AppError;

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

/// A cursor made of whole numbers (a flag, a time, an id), written `a.b.c`.
pub fn encode(parts: &[i64]) -> String {
    parts.iter().map(i64::to_string).collect::<Vec<_>>().join(".")
}

/// The numbers of a cursor `encode` wrote; a cursor of another shape is the caller's
/// mistake (`invalid_query` on `after`).
pub fn decode<const N: usize>(after: Option<&str>) -> Result<Option<[i64; N]>, AppError> {
    let Some(raw) = after else { return Ok(None) };
    let invalid = || AppError::InvalidQuery("after".into());
    let parts: Vec<i64> = raw.split('.').map(str::parse).collect::<Result<_, _>>().map_err(|_| invalid())?;
    parts.try_into().map(Some).map_err(|_| invalid())
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

    #[test]
    fn cursors_read_back_what_was_written_and_nothing_else() {
        assert_eq!(decode::<3>(Some(&encode(&[1, -5, 42]))).unwrap(), Some([1, -5, 42]));
        assert_eq!(decode::<2>(None).unwrap(), None);
        for bad in ["", "1.2", "1.2.3.4", "1.x.3", "1..3"] {
            assert!(decode::<3>(Some(bad)).is_err(), "{bad}");
        }
    }
}
