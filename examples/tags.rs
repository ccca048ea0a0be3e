//! Prints the segmenter's words with their part-of-speech tags.
fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap();
    let s = dudong::analysis::Segmenter::new();
    let chars: Vec<char> = text.chars().collect();
    for t in s.tag(&text) {
        let w: String = chars[t.word.start..t.word.end].iter().collect();
        if !w.trim().is_empty() {
            print!("{w}/{} ", t.tag);
        }
    }
    println!();
}
