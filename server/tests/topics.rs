//! Topics end to end over HTTP on SQLite and PostgreSQL: discussion threads one level
//! deep, staff hiding a comment with a reason, proposals going to a vote on enough
//! households (even all at once) or lapsing, the follow-up, and photos re-encoded on upload.

mod common;

use chrono::Duration;
use common::{Backend, TestClock, ELDERLY, OWNER, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::events::Event;
use linli_api::hall::{Eligibility, NewVote, VoteKind, VotePhase};
use linli_api::ids::{CommentId, UploadId};
use linli_api::notices::{NewNotice, NoticeCategory};
use linli_api::paging::PageQuery;
use linli_api::topics::{HideComment, NewComment, NewFollowUp, NewTopic, ProposalRules, TopicState};
use linli_api::{Client, ErrorCode};
use reqwest::Method;

fn topic(title: &str) -> NewTopic {
    NewTopic { title: title.into(), body: "小区东门的**路灯**坏了三盏。".into(), images: vec![], vote: None }
}

fn vote_for_a_week(now: chrono::DateTime<chrono::Utc>) -> NewVote {
    NewVote {
        question: "是否同意更换东门路灯？".into(),
        description: String::new(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility: Eligibility::Residents,
        matter: None,
        secret: false,
        final_on_cast: false,
        opens_at: now - Duration::minutes(1),
        closes_at: now + Duration::days(7),
    }
}

fn says(text: &str) -> NewComment {
    NewComment { body: text.into(), reply_to: None, images: vec![] }
}

fn replies(to: CommentId, text: &str) -> NewComment {
    NewComment { body: text.into(), reply_to: Some(to), images: vec![] }
}

/// A small JPEG whose EXIF block holds a GPS position, as a phone would send it.
fn photo_with_location() -> Vec<u8> {
    use image::codecs::jpeg::JpegEncoder;
    let mut plain = Vec::new();
    image::RgbImage::from_pixel(32, 24, image::Rgb([90, 160, 60])).write_with_encoder(JpegEncoder::new(&mut plain)).unwrap();
    let mut segment = b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
    segment.extend_from_slice(b"GPSLatitude 31.2304N 121.4737E");
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&[0xFF, 0xE1]);
    photo.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
    photo.extend_from_slice(&segment);
    photo.extend_from_slice(&plain[2..]);
    photo
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

async fn staff_open_a_topic_with_its_vote_and_residents_discuss_one_level_deep(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let now = chrono::Utc::now();
    let opened = staff.create_topic(&NewTopic { vote: Some(vote_for_a_week(now)), ..topic("东门路灯") }).await.unwrap();
    assert_eq!((opened.state, opened.support.is_none()), (TopicState::Discussion, true));
    assert!(opened.author.staff && opened.author.name == "李主任", "staff speak by name: {:?}", opened.author);
    let vote = staff.vote(opened.vote_id.expect("the topic's vote")).await.unwrap();
    assert_eq!(vote.topic_id, Some(opened.id), "the vote knows its topic");
    assert!(opened.body_html.contains("<strong>路灯</strong>"));

    let owner = app.sign_in(OWNER).await;
    let elderly = app.sign_in(ELDERLY).await;
    let mut live = elderly.events().await.unwrap();
    let first = owner.comment(opened.id, &says("同意，晚上太黑了")).await.unwrap();
    // The elderly neighbour's open page hears of it and loads the thread again.
    match tokio::time::timeout(std::time::Duration::from_secs(5), live.next()).await {
        Ok(Some(Event::TopicChanged { topic_id })) => assert_eq!(topic_id, opened.id),
        other => panic!("the open topic page got {other:?}"),
    }
    assert_eq!((first.author.name.as_str(), first.author.building.is_some(), first.mine), ("王**", true, true));
    let reply = elderly.comment(opened.id, &replies(first.id, "我也觉得")).await.unwrap();
    // A reply to a reply joins the thread instead of nesting deeper.
    owner.comment(opened.id, &replies(reply.id, "谢谢")).await.unwrap();
    owner.comment(opened.id, &says("另外西门也要看看")).await.unwrap();

    let thread = elderly.topic(opened.id).await.unwrap();
    assert_eq!(thread.topic.comments, 4);
    let shape: Vec<(String, Vec<String>)> = thread
        .comments
        .iter()
        .map(|c| (c.body.clone().unwrap(), c.replies.iter().map(|r| r.body.clone().unwrap()).collect()))
        .collect();
    assert_eq!(
        shape,
        vec![
            ("同意，晚上太黑了".to_owned(), vec!["我也觉得".to_owned(), "谢谢".to_owned()]),
            ("另外西门也要看看".to_owned(), vec![]),
        ]
    );
    assert!(thread.comments.iter().all(|c| c.replies.iter().all(|r| r.replies.is_empty())));

    // A reply into another topic's thread, or to nothing, is refused and stores nothing.
    let other = staff.create_topic(&topic("另一个议题")).await.unwrap();
    for target in [first.id, CommentId(999_999)] {
        let refused = owner.comment(other.id, &replies(target, "串门")).await.unwrap_err();
        assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("reply_to")));
    }
    let blank = owner.comment(opened.id, &says("   ")).await.unwrap_err();
    assert_eq!(blank.code(), ErrorCode::FieldRequired);
    assert_eq!(app.count("topic_comments").await, 4);

    // A resident may not attach a vote: their topic is a proposal.
    let refused = owner.create_topic(&NewTopic { vote: Some(vote_for_a_week(now)), ..topic("我要投票") }).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("vote")));
    let merchant = app.sign_in(common::MERCHANT).await;
    assert_eq!(merchant.create_topic(&topic("促销")).await.unwrap_err().code(), ErrorCode::Forbidden);
}

async fn staff_hide_a_comment_and_its_reason_stays_in_its_place(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let neighbour = app.sign_in(RESIDENT).await;
    let opened = staff.create_topic(&topic("停车位")).await.unwrap();
    let rude = owner.comment(opened.id, &says("3栋502的人天天乱停车，电话138xxxx")).await.unwrap();
    neighbour.comment(opened.id, &replies(rude.id, "同感")).await.unwrap();

    let refused = neighbour.hide_comment(rude.id, &HideComment { reason: "不喜欢".into() }).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Forbidden);
    let no_reason = staff.hide_comment(rude.id, &HideComment { reason: " ".into() }).await.unwrap_err();
    assert_eq!((no_reason.code(), no_reason.field()), (ErrorCode::FieldRequired, Some("reason")));
    let hidden = staff.hide_comment(rude.id, &HideComment { reason: "含有他人个人信息".into() }).await.unwrap();
    assert_eq!(hidden.hidden.as_ref().map(|h| h.reason.as_str()), Some("含有他人个人信息"));

    let seen_by_neighbour = &neighbour.topic(opened.id).await.unwrap().comments[0];
    assert_eq!(seen_by_neighbour.body, None, "the words are gone for neighbours");
    let hidden = seen_by_neighbour.hidden.as_ref().expect("the reason is shown in its place");
    assert_eq!((hidden.reason.as_str(), hidden.by.staff), ("含有他人个人信息", true));
    assert_eq!(seen_by_neighbour.replies.len(), 1, "replies stay");
    assert!(owner.topic(opened.id).await.unwrap().comments[0].body.is_some(), "the author still sees what they wrote");
    assert!(staff.topic(opened.id).await.unwrap().comments[0].body.is_some(), "staff see what they hid");

    // Hiding again keeps the first reason.
    let again = staff.hide_comment(rude.id, &HideComment { reason: "别的原因".into() }).await.unwrap();
    assert_eq!(again.hidden.unwrap().reason, "含有他人个人信息");
}

async fn a_proposal_goes_to_a_vote_once_enough_households_back_it_even_all_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let rules = ProposalRules { support_households: 3, support_days: 14, vote_days: 5 };
    assert_eq!(owner.set_proposal_rules(&rules).await.unwrap_err().code(), ErrorCode::Forbidden);
    let bad = ProposalRules { support_households: 0, ..rules };
    assert_eq!(staff.set_proposal_rules(&bad).await.unwrap_err().field(), Some("support_households"));
    staff.set_proposal_rules(&rules).await.unwrap();
    assert_eq!(owner.proposal_rules().await.unwrap(), rules);

    let proposal = owner.create_topic(&topic("加装电梯")).await.unwrap();
    let support = proposal.support.clone().expect("a proposal has support");
    assert_eq!((proposal.state, support.households, support.needed, support.mine), (TopicState::Proposed, 0, 3, false));
    assert_eq!(staff.support_topic(proposal.id).await.unwrap_err().code(), ErrorCode::Forbidden, "staff are not a household");

    // Each of the three households taps twice, all at once: three supports, one vote.
    let voters: Vec<Client> = futures_util::future::join_all([OWNER, ELDERLY, RESIDENT].map(|phone| app.sign_in(phone))).await;
    let taps = voters.iter().chain(voters.iter()).map(|voter| voter.support_topic(proposal.id));
    for result in futures_util::future::join_all(taps).await {
        result.unwrap();
    }
    let now_voting = owner.topic(proposal.id).await.unwrap().topic;
    assert_eq!(now_voting.state, TopicState::Discussion);
    let support = now_voting.support.unwrap();
    assert_eq!((support.households, support.mine), (3, true));
    assert_eq!(app.count("topic_support").await, 3);
    assert_eq!(app.count("votes").await, 1, "exactly one vote opened");
    let vote = owner.vote(now_voting.vote_id.expect("went to a vote")).await.unwrap();
    assert_eq!((vote.eligibility, vote.kind, vote.phase, vote.secret), (Eligibility::Households, VoteKind::YesNoAbstain, VotePhase::Open, true));
    assert_eq!(vote.question, "加装电梯");
    assert_eq!(vote.closes_at - vote.opens_at, Duration::days(5));
    // Backing it again is harmless.
    assert_eq!(voters[1].support_topic(proposal.id).await.unwrap().support.unwrap().households, 3);
}

async fn a_proposal_without_enough_support_lapses_at_its_deadline(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    staff.set_proposal_rules(&ProposalRules { support_households: 20, support_days: 3, vote_days: 7 }).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    let proposal = owner.create_topic(&topic("周末集市")).await.unwrap();
    assert_eq!(owner.support_topic(proposal.id).await.unwrap().support.unwrap().households, 1);
    clock.advance(Duration::days(3) + Duration::minutes(1));
    let neighbour = app.sign_in(RESIDENT).await;
    assert_eq!(neighbour.support_topic(proposal.id).await.unwrap_err().code(), ErrorCode::SupportClosed);
    let lapsed = neighbour.topic(proposal.id).await.unwrap().topic;
    assert_eq!((lapsed.state, lapsed.vote_id, lapsed.support.unwrap().households), (TopicState::Lapsed, None, 1));
    let listed = neighbour.topics(&PageQuery::default()).await.unwrap();
    assert!(listed.gathering.iter().all(|t| t.id != proposal.id), "a lapsed proposal no longer leads the list");
    let lapsed = listed.topics.iter().find(|t| t.id == proposal.id).expect("it stays listed");
    assert_eq!(lapsed.state, TopicState::Lapsed);
}

async fn the_follow_up_comes_after_the_vote_and_concludes_the_topic(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let opened = staff.create_topic(&NewTopic { vote: Some(vote_for_a_week(clock.now())), ..topic("东门路灯") }).await.unwrap();
    let done = NewFollowUp { body: "已于 11 月 30 日更换三盏路灯。".into() };
    assert_eq!(staff.post_follow_up(opened.id, &done).await.unwrap_err().code(), ErrorCode::VoteStillOpen);
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.post_follow_up(opened.id, &done).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(staff.open_topic_vote(opened.id, &vote_for_a_week(clock.now())).await.unwrap_err().code(), ErrorCode::TopicHasVote);

    clock.advance(Duration::days(7) + Duration::minutes(1));
    let staff = app.sign_in(STAFF).await;
    let concluded = staff.post_follow_up(opened.id, &done).await.unwrap();
    assert_eq!(concluded.state, TopicState::Concluded);
    let follow_up = concluded.follow_up.unwrap();
    assert!(follow_up.body_html.contains("已于 11 月 30 日更换三盏路灯"));
    assert_eq!(follow_up.posted_by.name, "李主任");

    // A discussion without a vote gets one later, once.
    let plain = staff.create_topic(&topic("垃圾分类时间")).await.unwrap();
    let with_vote = staff.open_topic_vote(plain.id, &vote_for_a_week(clock.now())).await.unwrap();
    assert!(with_vote.vote_id.is_some());
}

async fn photos_lose_their_location_and_stay_in_their_community(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let owner = app.sign_in(OWNER).await;
    let original = photo_with_location();
    assert!(contains(&original, b"GPSLatitude"));
    let upload = owner.upload_image("image/jpeg", original).await.unwrap();
    assert_eq!((upload.content_type.as_str(), upload.width, upload.height), ("image/jpeg", 32, 24));
    let stored = owner.image(upload.id).await.unwrap();
    assert!(!contains(&stored, b"GPSLatitude") && !contains(&stored, b"Exif"), "metadata survived the upload");

    let proposal = owner.create_topic(&NewTopic { images: vec![upload.id], ..topic("东门路灯（附照片）") }).await.unwrap();
    assert_eq!(proposal.images, vec![upload.id]);
    let neighbour = app.sign_in(RESIDENT).await;
    assert_eq!(neighbour.image(upload.id).await.unwrap(), stored, "neighbours see the photo");
    // Someone else's upload cannot be attached.
    let refused = neighbour.comment(proposal.id, &NewComment { images: vec![upload.id], ..says("我也拍了") }).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("images")));
    let refused = neighbour.create_topic(&NewTopic { images: vec![UploadId(424_242)], ..topic("t") }).await.unwrap_err();
    assert_eq!(refused.field(), Some("images"));

    let (_, other_staff, _) = app.add_other_community().await;
    let stranger = app.sign_in(&other_staff).await;
    assert_eq!(stranger.image(upload.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.topic(proposal.id).await.unwrap_err().code(), ErrorCode::NotFound);
    let nothing = stranger.topics(&PageQuery::default()).await.unwrap();
    assert!(nothing.topics.is_empty() && nothing.gathering.is_empty());

    // Bad uploads get a clear error and store nothing.
    let before = app.count("uploads").await;
    assert_eq!(owner.upload_image("image/png", b"not a picture at all".to_vec()).await.unwrap_err().code(), ErrorCode::NotAnImage);
    assert_eq!(owner.upload_image("text/plain", b"hello".to_vec()).await.unwrap_err().code(), ErrorCode::UnsupportedMediaType);
    let huge = vec![0u8; linli_api::uploads::MAX_UPLOAD_BYTES + 1];
    assert_eq!(owner.upload_image("image/jpeg", huge).await.unwrap_err().code(), ErrorCode::PayloadTooLarge);
    assert_eq!(app.count("uploads").await, before);
}

async fn an_urgent_notice_carries_a_vote_of_its_own_community(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let vote = staff.create_vote(&vote_for_a_week(chrono::Utc::now())).await.unwrap();
    let notice = |vote_id| NewNotice {
        title: "紧急：东门路灯".into(),
        body_markdown: "请大家投票。".into(),
        category: NoticeCategory::Urgent,
        pinned: false,
        urgent: true,
        vote_id: Some(vote_id),
    };
    let published = staff.publish_notice(&notice(vote.id)).await.unwrap();
    assert_eq!(published.vote_id, Some(vote.id));
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.notice(published.id).await.unwrap().summary.vote_id, Some(vote.id));

    let (_, other_staff, _) = app.add_other_community().await;
    let stranger = app.sign_in(&other_staff).await;
    let refused = stranger.publish_notice(&notice(vote.id)).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("vote_id")));
    let (status, _) = stranger.raw(Method::GET, &format!("/hall/votes/{}", vote.id), None::<&()>).await.unwrap();
    assert_eq!(status, 404);
}

/// A long discussion comes a page at a time, each comment with its first replies and the
/// rest on request; the counts shown are kept as comments race in, and equal a recount.
async fn a_long_thread_pages_and_its_counts_stay_true(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let opened = staff.create_topic(&topic("小区停车位规划")).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    let elderly = app.sign_in(ELDERLY).await;
    let first = owner.comment(opened.id, &says("第一条")).await.unwrap();
    // Comments and replies at the same moment, from two people.
    let mut writes = Vec::new();
    for i in 0..60 {
        let (writer, topic) = (if i % 2 == 0 { owner.clone() } else { elderly.clone() }, opened.id);
        let comment = if i < 12 { replies(first.id, &format!("回复 {i}")) } else { says(&format!("意见 {i}")) };
        writes.push(tokio::spawn(async move { writer.comment(topic, &comment).await }));
    }
    for write in futures_util::future::join_all(writes).await {
        write.unwrap().unwrap();
    }

    let thread = elderly.topic(opened.id).await.unwrap();
    assert_eq!(thread.topic.comments, 61, "kept: every comment and reply");
    assert_eq!(thread.comments.len(), 49, "one page of top-level comments (the 50 default would be all 49)");
    assert_eq!(thread.next_after, None);
    let head = &thread.comments[0];
    assert_eq!((head.id, head.replies.len(), head.more_replies), (first.id, 5, 7), "the first replies, and how many more");
    let rest = elderly.comment_replies(first.id, &PageQuery::after(Some(&head.replies[4].id.to_string()), Some(4))).await.unwrap();
    assert_eq!(rest.comments.len(), 4);
    let last = elderly.comment_replies(first.id, &PageQuery::after(rest.next_after.as_deref(), Some(4))).await.unwrap();
    assert_eq!((last.comments.len(), last.next_after.as_deref()), (3, None));
    let mut reply_ids: Vec<_> = head.replies.iter().chain(&rest.comments).chain(&last.comments).map(|reply| reply.id).collect();
    assert!(reply_ids.windows(2).all(|pair| pair[0] < pair[1]), "oldest first, none twice");
    reply_ids.dedup();
    assert_eq!(reply_ids.len(), 12);

    // Ten at a time, after each page's cursor: the same 49, in order.
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = elderly.topic_comments(opened.id, &PageQuery::after(after.as_deref(), Some(10))).await.unwrap();
        assert!(page.comments.len() <= 10);
        paged.extend(page.comments.iter().map(|comment| comment.id));
        match page.next_after {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(paged, thread.comments.iter().map(|comment| comment.id).collect::<Vec<_>>());
    let refused = elderly.topic_comments(opened.id, &PageQuery::after(Some("1.2"), None)).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidQuery);
    let (_, other_staff, _) = app.add_other_community().await;
    let stranger = app.sign_in(&other_staff).await;
    assert_eq!(stranger.topic_comments(opened.id, &PageQuery::default()).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.comment_replies(first.id, &PageQuery::default()).await.unwrap_err().code(), ErrorCode::NotFound);

    for (what, sql) in [
        ("comments of a topic", "SELECT t.comment_count, (SELECT COUNT(*) FROM topic_comments c WHERE c.topic_id = t.id) FROM topics t"),
        ("replies of a comment", "SELECT c.reply_count, (SELECT COUNT(*) FROM topic_comments r WHERE r.parent_id = c.id) FROM topic_comments c"),
    ] {
        let counts: Vec<(i64, i64)> = sqlx::query_as(sql).fetch_all(&app.db().pool).await.unwrap();
        assert!(counts.iter().all(|(kept, recount)| kept == recount), "{what}: {counts:?}");
    }
}

/// Topics page newest first; proposals still gathering support lead the first page.
async fn topics_page_newest_first_with_open_proposals_leading(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let mut opened = Vec::new();
    for i in 0..7 {
        opened.push(staff.create_topic(&topic(&format!("议题 {i}"))).await.unwrap().id);
    }
    let proposal = owner.create_topic(&topic("周末集市")).await.unwrap();
    let first = owner.topics(&PageQuery::first(Some(3))).await.unwrap();
    assert_eq!(first.gathering.iter().map(|t| t.id).collect::<Vec<_>>(), vec![proposal.id]);
    assert_eq!(first.gathering[0].state, TopicState::Proposed);
    let mut listed: Vec<_> = first.topics.iter().map(|t| t.id).collect();
    let mut after = first.next_after;
    while let Some(cursor) = after {
        let page = owner.topics(&PageQuery::after(Some(&cursor), Some(3))).await.unwrap();
        assert!(page.gathering.is_empty(), "only the first page brings them");
        listed.extend(page.topics.iter().map(|t| t.id));
        after = page.next_after;
    }
    let mut newest_first: Vec<_> = opened.iter().copied().chain([proposal.id]).collect();
    newest_first.reverse();
    assert_eq!(&listed[..8], &newest_first[..], "newest first, each once");
}

on_both_databases!(
    a_long_thread_pages_and_its_counts_stay_true,
    topics_page_newest_first_with_open_proposals_leading,
    staff_open_a_topic_with_its_vote_and_residents_discuss_one_level_deep,
    staff_hide_a_comment_and_its_reason_stays_in_its_place,
    a_proposal_goes_to_a_vote_once_enough_households_back_it_even_all_at_once,
    a_proposal_without_enough_support_lapses_at_its_deadline,
    the_follow_up_comes_after_the_vote_and_concludes_the_topic,
    photos_lose_their_location_and_stay_in_their_community,
    an_urgent_notice_carries_a_vote_of_its_own_community,
);
