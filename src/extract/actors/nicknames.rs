//! One person under several forms of the name: a short form of the given name ("Fritz
//! Henderson" for "Frederick Henderson", "Bill Clinton" for "William Clinton") or a middle name
//! written or left out ("William Jefferson Clinton"). The table of common English short forms
//! is our own; it ties forms only when the surname is the same as well.

use super::names::strip_particle;

/// Formal given names and the short forms news writes for them.
const SHORT_FORMS: &[(&str, &[&str])] = &[
    ("Abraham", &["Abe"]),
    ("Albert", &["Al", "Bert"]),
    ("Alexander", &["Alex", "Sasha", "Sandy"]),
    ("Alexandra", &["Alex", "Sandra", "Sasha"]),
    ("Andrew", &["Andy", "Drew"]),
    ("Anthony", &["Tony"]),
    ("Barbara", &["Barb"]),
    ("Benjamin", &["Ben", "Benny"]),
    ("Catherine", &["Cathy", "Kate", "Katie"]),
    ("Charles", &["Charlie", "Chuck"]),
    ("Christopher", &["Chris", "Kit"]),
    ("Daniel", &["Dan", "Danny"]),
    ("David", &["Dave"]),
    ("Deborah", &["Debbie", "Deb"]),
    ("Donald", &["Don"]),
    ("Douglas", &["Doug"]),
    ("Edward", &["Ed", "Eddie", "Ted", "Ned"]),
    ("Elizabeth", &["Liz", "Beth", "Betty", "Eliza"]),
    ("Frederick", &["Fred", "Fritz", "Freddie"]),
    ("Gerald", &["Gerry", "Jerry"]),
    ("Gregory", &["Greg"]),
    ("Henry", &["Hank", "Harry"]),
    ("Jacob", &["Jake"]),
    ("James", &["Jim", "Jimmy", "Jamie"]),
    ("Jeffrey", &["Jeff"]),
    ("Jennifer", &["Jen", "Jenny"]),
    ("John", &["Jack", "Johnny"]),
    ("Jonathan", &["Jon"]),
    ("Joseph", &["Joe", "Joey"]),
    ("Joshua", &["Josh"]),
    ("Katherine", &["Kathy", "Kate", "Katie"]),
    ("Kenneth", &["Ken", "Kenny"]),
    ("Lawrence", &["Larry"]),
    ("Leonard", &["Len", "Lenny"]),
    ("Margaret", &["Maggie", "Peggy", "Meg"]),
    ("Matthew", &["Matt"]),
    ("Michael", &["Mike", "Mick", "Mickey"]),
    ("Nicholas", &["Nick"]),
    ("Patricia", &["Pat", "Patty", "Trish"]),
    ("Patrick", &["Pat", "Paddy"]),
    ("Peter", &["Pete"]),
    ("Philip", &["Phil"]),
    ("Raymond", &["Ray"]),
    ("Richard", &["Rick", "Dick", "Rich", "Richie"]),
    ("Robert", &["Bob", "Bobby", "Rob", "Robbie", "Bert"]),
    ("Ronald", &["Ron", "Ronnie"]),
    ("Samuel", &["Sam"]),
    ("Stephen", &["Steve"]),
    ("Steven", &["Steve"]),
    ("Susan", &["Sue", "Susie"]),
    ("Theodore", &["Ted", "Teddy", "Theo"]),
    ("Thomas", &["Tom", "Tommy"]),
    ("Timothy", &["Tim"]),
    ("Victoria", &["Vicky", "Tori"]),
    ("Vladimir", &["Volodya"]),
    ("Walter", &["Walt"]),
    ("William", &["Bill", "Billy", "Will", "Willie", "Liam"]),
];

/// Whether two given names can be the same person's: equal, or one a short form of the other
/// ("Fritz" and "Frederick"), or short forms of one formal name ("Steve" for "Stephen" and for
/// "Steven" ties those two as well).
pub fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    SHORT_FORMS.iter().any(|(formal, short)| {
        let fits = |n: &str| n == *formal || short.contains(&n);
        fits(a) && fits(b)
    })
}

/// Whether two person names of two words or more name the same person: the same surname, given
/// names that match (`same_given_name`), and middle names that do not contradict (one left out,
/// or the same; an initial matches its name). "George H. W. Bush" and "George W. Bush" stay two.
pub fn same_person(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let (Some((fa, ra)), Some((fb, rb))) = (wa.split_first(), wb.split_first()) else {
        return false;
    };
    let (Some((la, ma)), Some((lb, mb))) = (ra.split_last(), rb.split_last()) else {
        return false;
    };
    if strip_particle(la) != strip_particle(lb) || !same_given_name(fa, fb) {
        return false;
    }
    if ma.is_empty() || mb.is_empty() {
        return true;
    }
    ma.len() == mb.len()
        && ma.iter().zip(mb).all(|(x, y)| {
            let (x, y) = (x.trim_end_matches('.'), y.trim_end_matches('.'));
            x == y || (x.len() == 1 && y.starts_with(x)) || (y.len() == 1 && x.starts_with(y))
        })
}

#[cfg(test)]
mod tests {
    use super::same_person;

    #[test]
    fn short_forms_and_middle_names_are_one_person() {
        assert!(same_person("Fritz Henderson", "Frederick Henderson"));
        assert!(same_person("Bill Clinton", "William Jefferson Clinton"));
        assert!(same_person(
            "William Jefferson Clinton",
            "William J. Clinton"
        ));
        assert!(same_person("Bashar al-Assad", "Bashar Assad"));
    }

    #[test]
    fn different_people_stay_apart() {
        assert!(!same_person("Hillary Clinton", "Bill Clinton"));
        assert!(!same_person("George H. W. Bush", "George W. Bush"));
        assert!(!same_person("Steve Jobs", "Steve Ballmer"));
        assert!(!same_person("Clinton", "Bill Clinton"));
    }
}
