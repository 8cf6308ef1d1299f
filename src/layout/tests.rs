//! Layout behaviour an analyst would notice, on the hand-made briefing.

use chrono::NaiveDate;

use super::fixture::{briefing, crisis_corpus, synthetic};
use super::lanes::{build, moved};
use super::marks::{MarkKind, Window, visible_marks};
use super::settings::{Grouping, LaneSort, ViewSettings};
use super::ticks::{ticks, window_caption};
use super::time::x_from_date;
use super::{LaneGeometry, hit_test, overview};

fn x(y: i32, m: u32, d: u32) -> f64 {
    x_from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn labels(settings: &ViewSettings) -> Vec<String> {
    build(&briefing(), settings)
        .lanes
        .iter()
        .map(|l| format!("{}{}", "  ".repeat(l.depth.into()), l.label))
        .collect()
}

#[test]
fn actor_lanes_appear_in_order_of_first_appearance() {
    let lanes = labels(&ViewSettings::default());
    assert_eq!(lanes[0], "Russia", "{lanes:?}");
    assert!(lanes.contains(&"Vladimir Putin".to_string()));
    assert!(lanes.contains(&"John Kerry".to_string()));
}

#[test]
fn affiliation_nests_people_under_their_country() {
    let settings = ViewSettings {
        grouping: Grouping::Affiliation,
        ..ViewSettings::default()
    };
    let lanes = labels(&settings);
    let russia = lanes.iter().position(|l| l == "Russia").unwrap();
    assert!(
        lanes[russia + 1..russia + 3].contains(&"  Vladimir Putin".to_string()),
        "{lanes:?}"
    );
    assert!(
        lanes[russia + 1..russia + 3].contains(&"  Sergei Lavrov".to_string()),
        "{lanes:?}"
    );
    let syria = lanes.iter().position(|l| l == "Syria").unwrap();
    assert_eq!(lanes[syria + 1], "  Bashar al-Assad");
}

#[test]
fn sorting_by_name_and_count() {
    let by_name = labels(&ViewSettings {
        sort: LaneSort::Name,
        ..ViewSettings::default()
    });
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|l| l.to_lowercase());
    assert_eq!(by_name, sorted);
    let by_count = build(
        &briefing(),
        &ViewSettings {
            sort: LaneSort::EventCount,
            ..ViewSettings::default()
        },
    );
    let counts: Vec<usize> = by_count.lanes.iter().map(|l| l.entries.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn hidden_lanes_and_text_filter_remove_lanes() {
    let mut settings = ViewSettings::default();
    settings.hidden_lanes.insert("actor:putin".into());
    assert!(!labels(&settings).contains(&"Vladimir Putin".to_string()));
    let listing = build(&briefing(), &settings).listing;
    assert!(listing.iter().any(|l| l.key == "actor:putin" && l.hidden));

    let settings = ViewSettings {
        filters: super::Filters {
            text: "vienna".into(),
            ..Default::default()
        },
        ..ViewSettings::default()
    };
    let lanes = labels(&settings);
    assert!(lanes.contains(&"Sergei Lavrov".to_string()));
    assert!(!lanes.contains(&"Russia".to_string()), "{lanes:?}");
}

#[test]
fn moving_a_lane_up_puts_it_first() {
    let set = build(&briefing(), &ViewSettings::default());
    let second = set.listing[1].key.clone();
    let settings = ViewSettings {
        lane_order: moved(&set.listing, &second, -1),
        ..ViewSettings::default()
    };
    assert_eq!(build(&briefing(), &settings).lanes[0].key, second);
}

#[test]
fn points_bars_uncertain_and_inferred_marks() {
    let timeline = briefing();
    let set = build(&timeline, &ViewSettings::default());
    let window = Window {
        x_min: x(2015, 9, 15),
        x_max: x(2015, 11, 5),
        width_px: 1000.0,
    };
    let frame = visible_marks(&set, window, 0..set.lanes.len(), 8);
    let mark_of = |id: &str| {
        frame
            .marks
            .iter()
            .find(|m| timeline.events[m.event as usize].id == id)
            .unwrap_or_else(|| panic!("no mark for {id}"))
    };
    assert_eq!(mark_of("e-vienna").kind, MarkKind::Point);
    assert_eq!(mark_of("e-conference").kind, MarkKind::Bar);
    let buildup = mark_of("e-buildup");
    assert!(buildup.kind == MarkKind::Bar && buildup.style.uncertain);
    assert!(mark_of("e-announce").style.inferred);
    // Assad and Putin's meeting is drawn in both lanes and joined.
    assert!(frame.connectors.len() >= 2, "{:?}", frame.connectors);
}

#[test]
fn close_points_stack_and_aggregate_only_beyond_the_rows_allowed() {
    let set = build(&briefing(), &ViewSettings::default());
    let window = Window {
        x_min: x(2000, 1, 1),
        x_max: x(2030, 1, 1),
        width_px: 800.0,
    };
    let putin = set
        .lanes
        .iter()
        .position(|l| l.key == "actor:putin")
        .unwrap();
    let stacked = visible_marks(&set, window, 0..set.lanes.len(), 8);
    let marks: Vec<_> = stacked.marks.iter().filter(|m| m.lane == putin).collect();
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert!(marks.iter().all(|m| m.kind == MarkKind::Point));
    assert_ne!(marks[0].row, marks[1].row, "one row each");
    assert_eq!(stacked.rows[putin], 2);
    let frame = visible_marks(&set, window, 0..set.lanes.len(), 1);
    let putin = set
        .lanes
        .iter()
        .position(|l| l.key == "actor:putin")
        .unwrap();
    let marks: Vec<_> = frame.marks.iter().filter(|m| m.lane == putin).collect();
    assert_eq!(marks.len(), 1);
    assert_eq!((marks[0].kind, marks[0].count), (MarkKind::Cluster, 2));
}

#[test]
fn dense_lanes_aggregate_and_keep_counts() {
    let timeline = synthetic(200_000, 5);
    let set = build(&timeline, &ViewSettings::default());
    let (a, b) = set.extent.unwrap();
    let frame = visible_marks(
        &set,
        Window {
            x_min: a,
            x_max: b,
            width_px: 1200.0,
        },
        0..set.lanes.len(),
        8,
    );
    assert_eq!(frame.dense_lanes, 5);
    assert!(frame.marks.len() <= 5 * 200 + 5);
    assert!(frame.marks.iter().all(|m| m.kind == MarkKind::Density));
    let total: u64 = frame.marks.iter().map(|m| u64::from(m.count)).sum();
    let entries: usize = set.lanes.iter().map(|l| l.entries.len()).sum();
    assert_eq!(total, entries as u64);
}

#[test]
fn hovering_a_point_finds_it() {
    let timeline = briefing();
    let set = build(&timeline, &ViewSettings::default());
    let window = Window {
        x_min: x(2015, 9, 15),
        x_max: x(2015, 11, 5),
        width_px: 1000.0,
    };
    let frame = visible_marks(&set, window, 0..set.lanes.len(), 8);
    let geometry = LaneGeometry::stacked(0, 0.0, 30.0, &frame.rows);
    let target = frame
        .marks
        .iter()
        .position(|m| timeline.events[m.event as usize].id == "e-vienna")
        .unwrap();
    let mark = frame.marks[target];
    let hit = hit_test(
        &frame.marks,
        &geometry,
        mark.centre_px() + 2.0,
        geometry.mark_y(&mark) - 2.0,
    );
    assert_eq!(hit, Some(target));
    assert_eq!(
        hit_test(&frame.marks, &geometry, mark.centre_px(), -5.0),
        None
    );
}

#[test]
fn ticks_follow_the_calendar_at_every_zoom() {
    // Months: labels are month names and the year at January.
    let t = ticks(x(2015, 1, 10), x(2016, 6, 1), 0.4, 70.0);
    let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
    assert!(
        labels.contains(&"2016") && labels.contains(&"Oct"),
        "{labels:?}"
    );
    assert!(t.iter().all(|t| t.x.fract() == 0.0));
    // Days.
    let t = ticks(x(2015, 10, 1), x(2015, 10, 31), 0.01, 70.0);
    assert!(t.iter().any(|t| t.label == "21 Oct"), "{t:?}");
    // Hours.
    let t = ticks(x(2015, 10, 20), x(2015, 10, 21), 0.002, 70.0);
    assert!(t.iter().any(|t| t.label == "18:00"), "{t:?}");
    // Years, even far out.
    let t = ticks(
        x(0, 1, 1),
        x(99999, 1, 1),
        (x(99999, 1, 1) - x(0, 1, 1)) / 900.0,
        70.0,
    );
    assert!(!t.is_empty() && t.len() < 400);
    assert!(window_caption(x(2015, 9, 12), x(2015, 11, 4)).contains("2015"));
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = build(&Default::default(), &ViewSettings::default());
    assert!(empty.lanes.is_empty() && empty.extent.is_none());
    let zero = Window {
        x_min: 5.0,
        x_max: 5.0,
        width_px: 0.0,
    };
    let frame = visible_marks(&empty, zero, 0..10, 8);
    assert!(frame.marks.is_empty());
    let mut timeline = briefing();
    timeline.events[0].actors.clear();
    timeline.events[1].when = crate::model::When::day(NaiveDate::from_ymd_opt(0, 1, 1).unwrap());
    timeline.events[2].when =
        crate::model::When::day(NaiveDate::from_ymd_opt(99999, 12, 31).unwrap());
    let set = build(&timeline, &ViewSettings::default());
    assert!(set.lanes.iter().any(|l| l.label == "(no actor)"));
    let (a, b) = set.extent.unwrap();
    let frame = visible_marks(
        &set,
        Window {
            x_min: a,
            x_max: b,
            width_px: 900.0,
        },
        0..set.lanes.len(),
        8,
    );
    assert!(!frame.marks.is_empty());
    let _ = visible_marks(&set, zero, 0..set.lanes.len(), 8);
    assert_eq!(
        overview::density(&set.starts, (a, b), 50)
            .iter()
            .sum::<u32>() as usize,
        set.starts.len()
    );
    assert!(ticks(a, b, (b - a) / 900.0, 70.0).len() < 400);
}

#[test]
fn galloping_search_agrees_with_binary_search() {
    let items: Vec<u32> = (0..1000).map(|i| i / 3).collect();
    for from in [0, 1, 17, 500, 999, 1000] {
        for target in [0, 5, 100, 333, 334, 2000] {
            let expected = from.min(items.len())
                + items[from.min(items.len())..].partition_point(|&v| v < target);
            assert_eq!(
                super::marks::gallop(&items, from, |&v| v < target),
                expected,
                "{from} {target}"
            );
        }
    }
}

#[test]
fn a_large_corpus_opens_on_its_main_actors_and_its_own_period() {
    let timeline = crisis_corpus(300);
    let set = build(&timeline, &ViewSettings::default());
    let lanes: Vec<&str> = set.lanes.iter().map(|l| l.label.as_str()).collect();
    let mut first: Vec<&str> = lanes[..4].to_vec();
    first.sort_unstable();
    assert_eq!(
        first,
        ["Bashar al-Assad", "Russia", "Syria", "United Nations"],
        "{lanes:?}"
    );
    // Busy but uncorroborated actors come after the main ones, the folded lane before the
    // events naming nobody, which close the list.
    assert!(lanes[4].starts_with("Busy"), "{lanes:?}");
    assert_eq!(lanes.last(), Some(&"(no actor)"), "{lanes:?}");
    assert_eq!(lanes[lanes.len() - 2], "Other actors (402)", "{lanes:?}");
    assert!(
        !lanes.contains(&"Round Church") && !lanes.contains(&"Minor 7"),
        "{lanes:?}"
    );
    // Each folded actor is still listed (and so searchable) under the folded lane.
    let minor = set.listing.iter().find(|l| l.label == "Minor 7");
    assert_eq!(minor.map(|l| l.depth), Some(1));
    // The period is the articles' own, the misread years are outliers.
    let (start, end) = set.period.expect("a period");
    assert!(
        start >= x(2011, 1, 1) && end <= x(2014, 1, 1),
        "{start} {end}"
    );
    let outliers: Vec<&str> = set
        .outliers
        .iter()
        .map(|&i| {
            timeline.events[i as usize]
                .when
                .start
                .format("%Y")
                .to_string()
        })
        .map(|y| {
            if y == "2051" {
                "2051"
            } else if y == "1990" {
                "1990"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(outliers, ["2051", "1990"]);
    let (first_x, last_x) = set.extent.expect("an extent");
    assert!(
        first_x < x(1991, 1, 1) && last_x > x(2051, 1, 1),
        "outliers stay on the plot"
    );
}

#[test]
fn minor_actors_open_on_demand() {
    let timeline = crisis_corpus(300);
    let settings = ViewSettings {
        show_minor_lanes: true,
        ..ViewSettings::default()
    };
    let set = build(&timeline, &settings);
    assert!(set.lanes.iter().any(|l| l.label == "Minor 7"));
    assert!(
        !set.lanes
            .iter()
            .any(|l| l.label.starts_with("Other actors"))
    );
    assert_eq!(
        set.lanes.last().map(|l| l.label.as_str()),
        Some("(no actor)")
    );
}

#[test]
fn a_small_timeline_keeps_its_story_order_and_every_lane() {
    let set = build(&briefing(), &ViewSettings::default());
    assert!(
        set.lanes
            .iter()
            .all(|l| !l.label.starts_with("Other actors"))
    );
    let by_first = build(
        &briefing(),
        &ViewSettings {
            sort: LaneSort::FirstAppearance,
            ..ViewSettings::default()
        },
    );
    let keys = |s: &super::LaneSet| s.lanes.iter().map(|l| l.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&set), keys(&by_first));
}

#[test]
fn the_lane_list_hides_folded_actors_until_a_search_names_them() {
    let timeline = crisis_corpus(300);
    let set = build(&timeline, &ViewSettings::default());
    let names = |rows: &[usize]| -> Vec<String> {
        rows.iter().map(|&i| set.listing[i].label.clone()).collect()
    };
    let all = names(&super::listed_rows(&timeline, &set.listing, ""));
    assert!(all.iter().any(|l| l == "Other actors (402)"), "{all:?}");
    assert!(all.iter().any(|l| l == "Syria"));
    assert!(!all.iter().any(|l| l.starts_with("Minor")), "{all:?}");
    assert!(all.len() < 20, "{} rows", all.len());

    let found = names(&super::listed_rows(&timeline, &set.listing, " MINOR 7"));
    assert!(found.contains(&"Minor 7".to_string()), "{found:?}");
    assert!(found.iter().all(|l| l.starts_with("Minor 7")), "{found:?}");
    let by_alias = names(&super::listed_rows(
        &timeline,
        &set.listing,
        "president assad",
    ));
    assert_eq!(by_alias, ["Bashar al-Assad"]);
}

#[test]
fn the_lane_list_leaves_out_lanes_without_events_until_searched() {
    let mut timeline = briefing();
    let mut ireland = timeline.actors[0].clone();
    ireland.id = "ireland".into();
    ireland.name = "Ireland".into();
    ireland.kind = crate::model::ActorKind::Country;
    ireland.affiliation = None;
    ireland.aliases = vec!["Irish Republic".into()];
    let mut envoy = ireland.clone();
    envoy.id = "envoy".into();
    envoy.name = "Irish Envoy".into();
    envoy.kind = crate::model::ActorKind::Person;
    envoy.affiliation = Some("ireland".into());
    timeline.actors.extend([ireland, envoy]);
    for grouping in [Grouping::Actor, Grouping::Affiliation] {
        let settings = ViewSettings {
            grouping,
            ..ViewSettings::default()
        };
        let set = build(&timeline, &settings);
        let names = |rows: &[usize]| -> Vec<String> {
            rows.iter().map(|&i| set.listing[i].label.clone()).collect()
        };
        let listed = names(&super::listed_rows(&timeline, &set.listing, ""));
        assert!(listed.contains(&"Russia".to_string()), "{listed:?}");
        assert!(listed.contains(&"Sergei Lavrov".to_string()), "{listed:?}");
        assert!(
            !listed.iter().any(|l| l.contains("Ir")),
            "{grouping:?}: {listed:?}"
        );
        assert_eq!(super::empty_lanes(&set.listing), 2, "{grouping:?}");
        let found = names(&super::listed_rows(&timeline, &set.listing, "irish"));
        assert!(
            found.contains(&"Ireland".to_string()),
            "by alias: {found:?}"
        );
        assert!(found.contains(&"Irish Envoy".to_string()), "{found:?}");
    }
}
