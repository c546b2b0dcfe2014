for op in -eq -ne -lt -le -gt -ge; do if [ 3 $op 5 ]; then echo "$op yes"; else echo "$op no"; fi; done
