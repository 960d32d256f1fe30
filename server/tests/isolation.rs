//! Every object is scoped to the caller's community: another community's ids lead nowhere.

mod common;

use common::{Backend, OWNER, STAFF};
use linli_api::notices::{NewNotice, NoticeCategory};
use linli_api::paging::PageQuery;
use linli_api::ErrorCode;

async fn another_communitys_notices_cannot_be_listed_opened_read_or_counted(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let notice = staff
        .publish_notice(&NewNotice {
            title: "只给阳光花园".into(),
            body_markdown: "内部通知".into(),
            category: NoticeCategory::Government,
            pinned: false,
            urgent: false,
            vote_id: None,
        })
        .await
        .unwrap();
    let (_, other_staff, other_resident) = app.add_other_community().await;
    let reads_before = app.count("notice_reads").await;
    for phone in [other_staff, other_resident] {
        let outsider = app.sign_in(&phone).await;
        let page = outsider.notices(&PageQuery::default()).await.unwrap();
        assert_eq!(page.total, 0, "{phone} sees no notices of another community");
        assert_eq!(outsider.notice(notice.id).await.unwrap_err().code(), ErrorCode::NotFound);
        assert_eq!(outsider.mark_read(notice.id).await.unwrap_err().code(), ErrorCode::NotFound);
        let stats = outsider.read_stats(notice.id).await.unwrap_err().code();
        assert!(matches!(stats, ErrorCode::NotFound | ErrorCode::Forbidden), "{stats:?}");
    }
    assert_eq!(app.count("notice_reads").await, reads_before);
    // The notice is still there for its own community.
    assert_eq!(app.sign_in(OWNER).await.notice(notice.id).await.unwrap().summary.title, "只给阳光花园");
}

on_both_databases!(another_communitys_notices_cannot_be_listed_opened_read_or_counted);
