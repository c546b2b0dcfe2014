for x in "$@"; do echo "never"; done
for x do echo never2; done
for x in; do echo never3; done; echo "empty-in st $?"
case "" in "") echo empty-case;; esac
case a in
  a) echo first ;&
  b) echo fallthrough-bash-only ;;
esac 2>/dev/null
case abc in a*c) echo star;; esac
case ']' in []]) echo bracket-close;; esac
case 'a-b' in a[-]b) echo dash-class;; esac
case 'x' in [!a-w]) echo negated;; esac
case '!' in [!!]) echo no;; *) echo bang;; esac
