case x in
  y) echo y;;
esac
echo status $?
case x in x) ;; esac
echo ok
