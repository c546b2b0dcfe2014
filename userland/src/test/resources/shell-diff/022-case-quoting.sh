x='*'
case abc in "$x") echo literal;; *) echo glob;; esac
case '*' in "$x") echo literal;; esac
case a.b in *.b) echo suffix;; esac
