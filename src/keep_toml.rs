//! Writing a changed value back into the TOML text it was read from, so
//! that what a person wrote by hand (comments, the order of keys, blank
//! lines, the spelling of a value) stays: only the keys whose value changed
//! are rewritten. Used for the user config and member files, which people
//! edit by hand; updates are written whole.
//!
//! `toml_edit` keeps a document's layout as parsed. The program's own view
//! of the text (`before`, the value as it was read) tells which keys it
//! knows: a key it does not know, or a table or entry it did not change, is
//! left exactly as written.

use serde::{de::DeserializeOwned, Serialize};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The text of `after`, written into `original` (the text `before` was
/// read from) with its comments and layout. Without an original, or when
/// the edit would not read back as `after`, the plain serialization.
pub fn edit<T>(original: Option<&str>, before: &T, after: &T) -> String
where
    T: Serialize + DeserializeOwned + PartialEq,
{
    let plain = toml::to_string(after).expect("the value serializes");
    let Some(original) = original else {
        return plain;
    };
    let parse = |text: &str| text.parse::<DocumentMut>().ok();
    let before_text = toml::to_string(before).expect("the value serializes");
    let (Some(mut doc), Some(known), Some(wanted)) =
        (parse(original), parse(&before_text), parse(&plain))
    else {
        return plain;
    };
    reconcile(doc.as_table_mut(), known.as_table(), wanted.as_table());
    let text = doc.to_string();
    // The edit must say exactly what the plain text says.
    match toml::from_str::<T>(&text) {
        Ok(read) if read == *after => text,
        _ => plain,
    }
}

/// The text of `member`'s file: written into the file at the mirror's tip
/// when there is one that reads, else the plain serialization.
pub fn member_text(
    store: &crate::store::Store,
    handle: &crate::model::Handle,
    member: &crate::model::Member,
) -> String {
    let path = crate::model::layout::member_path(handle);
    let original = store
        .tip()
        .and_then(|tip| store.repo().find_commit(tip).ok())
        .and_then(|commit| commit.tree().ok())
        .and_then(|tree| tree.get_path(std::path::Path::new(&path)).ok())
        .and_then(|entry| store.repo().find_blob(entry.id()).ok())
        .and_then(|blob| String::from_utf8(blob.content().to_vec()).ok());
    let before = original
        .as_deref()
        .and_then(|text| crate::model::Member::from_toml(&path, text).ok());
    match (original, before) {
        (Some(text), Some(before)) => edit(Some(&text), &before, member),
        _ => member.to_toml(),
    }
}

/// Whether two items hold the same value, whatever their layout.
fn same(a: &Item, b: &Item) -> bool {
    let value = |item: &Item| {
        let mut doc = DocumentMut::new();
        doc.insert("k", item.clone());
        toml::from_str::<toml::Table>(&doc.to_string()).ok()
    };
    value(a).is_some() && value(a) == value(b)
}

/// Makes `doc` say what `after` says, where `before` is what it said as
/// the program read it.
fn reconcile(doc: &mut Table, before: &Table, after: &Table) {
    let removed: Vec<String> = before
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !after.contains_key(k))
        .collect();
    for key in removed {
        doc.remove(&key);
    }
    for (key, wanted) in after.iter() {
        let was = before.get(key);
        if was.is_some_and(|was| same(was, wanted)) && doc.contains_key(key) {
            continue;
        }
        let Some(item) = doc.get_mut(key) else {
            doc.insert(key, wanted.clone());
            continue;
        };
        match (item, wanted) {
            (Item::Table(table), Item::Table(wanted)) => {
                let empty = Table::new();
                let was = was.and_then(Item::as_table).unwrap_or(&empty);
                reconcile(table, was, wanted);
            }
            (Item::ArrayOfTables(array), Item::ArrayOfTables(wanted)) => {
                let empty = ArrayOfTables::new();
                let was = was.and_then(Item::as_array_of_tables).unwrap_or(&empty);
                reconcile_array(array, was, wanted);
            }
            (Item::Value(value), Item::Value(wanted)) => {
                // The comment after the value stays with it.
                let decor = value.decor().clone();
                *value = wanted.clone();
                *value.decor_mut() = decor;
            }
            (item, wanted) => *item = wanted.clone(),
        }
    }
}

/// An array of tables (`[[away]]`) as `after` has it, each entry that did
/// not change kept as written.
fn reconcile_array(doc: &mut ArrayOfTables, before: &ArrayOfTables, after: &ArrayOfTables) {
    let written: Vec<Table> = doc.iter().cloned().collect();
    let mut used = vec![false; written.len()];
    let mut result = ArrayOfTables::new();
    for wanted in after.iter() {
        let kept = before.iter().enumerate().position(|(i, was)| {
            !used[i]
                && i < written.len()
                && same(&Item::Table(was.clone()), &Item::Table(wanted.clone()))
        });
        match kept {
            Some(i) => {
                used[i] = true;
                result.push(written[i].clone());
            }
            None => result.push(wanted.clone()),
        }
    }
    *doc = result;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Doc {
        a: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        b: Option<u32>,
        #[serde(default)]
        list: Vec<Entry>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Entry {
        n: u32,
    }

    #[test]
    fn only_what_changed_is_rewritten() {
        let text = "# top\nb = 1 # one\nunknown = true\na = 'x'\n\n[[list]] # first\nn = 1\n";
        let before: Doc = toml::from_str(text).unwrap();
        let mut after = before.clone();
        after.b = Some(2);
        assert_eq!(
            edit(Some(text), &before, &after),
            "# top\nb = 2 # one\nunknown = true\na = 'x'\n\n[[list]] # first\nn = 1\n"
        );
        // A removed key takes the comment above it along.
        after.b = None;
        after.list.push(Entry { n: 2 });
        assert_eq!(
            edit(Some(text), &before, &after),
            "unknown = true\na = 'x'\n\n[[list]] # first\nn = 1\n\n[[list]]\nn = 2\n"
        );
    }

    #[test]
    fn without_an_original_the_plain_text() {
        let doc = Doc {
            a: "x".into(),
            b: None,
            list: Vec::new(),
        };
        assert_eq!(edit(None, &doc, &doc), "a = \"x\"\nlist = []\n");
        assert_eq!(
            edit(Some("not = = toml"), &doc, &doc),
            "a = \"x\"\nlist = []\n"
        );
    }
}
