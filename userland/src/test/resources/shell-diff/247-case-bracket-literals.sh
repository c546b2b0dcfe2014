case x in ["x"]) echo bracket-quoted;; esac
case '[' in \[) echo lone-bracket;; esac
case 'a]' in a]) echo rbracket;; esac
case '\' in '\') echo backslash;; esac
case 'x' in [!]) echo never;; *) echo star;; esac
case '!' in [!!]) echo no;; *) echo negated-bang;; esac
case 'ab' in a\*) echo no;; *) echo escaped-star;; esac
pat='[ab]'; case b in $pat) echo var-bracket;; esac
case '*' in "$pat") echo no;; '*') echo literal-star;; esac
