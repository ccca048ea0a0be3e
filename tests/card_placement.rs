//! Cards stay inside the viewport: flip above or below, clamp sideways.

use dudong::app::layout::{place_card, Rect};

fn rect(left: f64, top: f64, w: f64, h: f64) -> Rect {
    Rect {
        left,
        top,
        right: left + w,
        bottom: top + h,
    }
}

#[test]
fn opens_below_a_word_near_the_top() {
    let p = place_card(rect(100.0, 50.0, 30.0, 24.0), 1280.0, 800.0);
    assert_eq!(p.top, Some(82.0));
    assert!(p.bottom.is_none());
    assert!(p.max_height <= 800.0 - 82.0 - 8.0);
}

#[test]
fn flips_above_a_word_near_the_bottom() {
    let p = place_card(rect(100.0, 760.0, 30.0, 24.0), 1280.0, 800.0);
    assert!(p.top.is_none());
    assert_eq!(p.bottom, Some(800.0 - 760.0 + 8.0));
    assert!(p.max_height <= 760.0 - 8.0);
}

#[test]
fn clamps_sideways_on_a_phone() {
    for left in [0.0, 200.0, 350.0, 374.0] {
        let p = place_card(rect(left, 300.0, 20.0, 24.0), 375.0, 812.0);
        assert!(p.left >= 8.0, "{p:?}");
        assert!(p.left + p.width <= 375.0 - 8.0 + 1e-9, "{p:?}");
    }
}

#[test]
fn never_taller_than_the_room_it_has() {
    for top in [10.0, 200.0, 400.0, 600.0, 790.0] {
        let p = place_card(rect(10.0, top, 20.0, 20.0), 375.0, 812.0);
        match (p.top, p.bottom) {
            (Some(t), None) => assert!(t + p.max_height <= 812.0 || p.max_height <= 80.0, "{p:?}"),
            (None, Some(b)) => assert!(
                812.0 - b - p.max_height >= 0.0 || p.max_height <= 80.0,
                "{p:?}"
            ),
            _ => panic!("{p:?}"),
        }
    }
}

#[test]
fn an_anchor_scrolled_out_of_view_still_gets_a_card_on_screen() {
    for top in [-500.0, 2000.0] {
        let p = place_card(rect(10.0, top, 20.0, 20.0), 375.0, 812.0);
        match (p.top, p.bottom) {
            (Some(t), None) => assert!((0.0..=812.0).contains(&t), "{p:?}"),
            (None, Some(b)) => assert!((0.0..=812.0).contains(&b), "{p:?}"),
            _ => panic!("{p:?}"),
        }
    }
}
