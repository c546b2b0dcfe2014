case a in a) echo A;; b) echo B; esac
case b in a) echo A;; b) echo B; esac
