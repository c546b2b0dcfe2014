case abc in a*) echo star;; esac
case abc in ?b?) echo quest;; esac
case abc in [ab]bc) echo bracket;; esac
case abc in [!x]bc) echo negate;; esac
case 'a*c' in 'a*c') echo quoted;; esac
case abc in *d|*c) echo alt;; esac
case x in (x) echo paren;; esac
case "" in "") echo empty;; esac
case a in b) echo no;; *) echo default;; esac
case ab in a\b) echo escaped;; esac
pat='a*'; case abc in $pat) echo varpat;; esac
case abc in "$pat") echo no;; *) echo quotedvar;; esac
case ]x in []]x) echo rbracket;; esac
case - in [a-]) echo dash;; esac
case B in [[:upper:]]) echo class;; esac
