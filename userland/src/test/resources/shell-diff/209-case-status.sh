false
case $? in 1) echo one;; *) echo other;; esac
(exit 3)
case x in x) echo "status in body $?";; esac
(exit 4)
case x in y) ;; esac
echo "no match status $?"
(exit 5)
case $? in 5) (exit 7);; esac
echo "after $?"
case "" in "") echo empty-match;; esac
case x in
  *) echo star
esac
