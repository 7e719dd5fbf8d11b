;; Brandes for one source of an unweighted graph (paths.ts `brandesSource`, which does the same in
;; JavaScript): breadth-first search with path counts, then dependencies pulled from successors.
;; Same arithmetic in the same order as the JavaScript, so both give identical numbers.
;; `npm run wasm -w @cosafe/sna` turns this file into brandesWasm.ts (the bytes, base64); a test
;; checks that the two agree.
;;
;; paths.ts lays the memory out and passes byte offsets: off (n + 1 i32), tgt (an i32 per tie),
;; dist (i32 per node, -1 where not reached), sigma, coef, bc (f64 per node), queue (i32 per
;; node), succ (an i32 per tie), succStart (n + 1 i32), the in-sums ins (3 f64 per node: distance
;; sum, reach, harmonic sum; written only when scatter is set) and the state (f64 distance sum,
;; f64 harmonic sum, i32 largest distance).
(module
  (import "env" "memory" (memory 1))

  ;; Returns the number of nodes reached (the source included).
  (func (export "source")
    (param $src i32) (param $off i32) (param $tgt i32) (param $dist i32) (param $sigma i32)
    (param $coef i32) (param $bc i32) (param $queue i32) (param $succ i32) (param $succStart i32)
    (param $ins i32) (param $scatter i32) (param $state i32)
    (result i32)
    (local $head i32) (local $tail i32) (local $k i32) (local $v i32) (local $w i32) (local $d i32)
    (local $dw i32) (local $e i32) (local $end i32) (local $i i32) (local $j i32) (local $p i32)
    (local $lastLevel i32) (local $dv i32)
    (local $sv f64) (local $acc f64) (local $delta f64) (local $sum f64) (local $harm f64) (local $inv f64)
    ;; forward: breadth-first search from src, counting shortest paths, listing successors
    (i32.store (i32.add (local.get $dist) (i32.shl (local.get $src) (i32.const 2))) (i32.const 0))
    (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $src) (i32.const 3))) (f64.const 1))
    (i32.store (local.get $queue) (local.get $src))
    (local.set $tail (i32.const 1))
    (block $bfsDone
      (loop $bfs
        (br_if $bfsDone (i32.ge_u (local.get $head) (local.get $tail)))
        (local.set $v (i32.load (i32.add (local.get $queue) (i32.shl (local.get $head) (i32.const 2)))))
        (i32.store (i32.add (local.get $succStart) (i32.shl (local.get $head) (i32.const 2))) (local.get $k))
        (local.set $head (i32.add (local.get $head) (i32.const 1)))
        (local.set $dw (i32.add (i32.load (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 2)))) (i32.const 1)))
        (local.set $sv (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3)))))
        (local.set $p (i32.add (local.get $off) (i32.shl (local.get $v) (i32.const 2))))
        (local.set $e (i32.shl (i32.load (local.get $p)) (i32.const 2)))
        (local.set $end (i32.shl (i32.load offset=4 (local.get $p)) (i32.const 2)))
        (block $tiesDone
          (loop $ties
            (br_if $tiesDone (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $w (i32.load (i32.add (local.get $tgt) (local.get $e))))
            (local.set $e (i32.add (local.get $e) (i32.const 4)))
            (local.set $p (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 2))))
            (local.set $d (i32.load (local.get $p)))
            (if (i32.lt_s (local.get $d) (i32.const 0))
              (then
                (i32.store (local.get $p) (local.get $dw))
                (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))) (local.get $sv))
                (i32.store (i32.add (local.get $queue) (i32.shl (local.get $tail) (i32.const 2))) (local.get $w))
                (local.set $tail (i32.add (local.get $tail) (i32.const 1)))
                (i32.store (i32.add (local.get $succ) (i32.shl (local.get $k) (i32.const 2))) (local.get $w))
                (local.set $k (i32.add (local.get $k) (i32.const 1))))
              (else
                (if (i32.eq (local.get $d) (local.get $dw))
                  (then
                    (local.set $p (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))))
                    (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $sv)))
                    (i32.store (i32.add (local.get $succ) (i32.shl (local.get $k) (i32.const 2))) (local.get $w))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))))))
            (br $ties)))
        (br $bfs)))
    (i32.store (i32.add (local.get $succStart) (i32.shl (local.get $tail) (i32.const 2))) (local.get $k))
    ;; the largest distance: the last node's
    (i32.store offset=16 (local.get $state)
      (i32.load (i32.add (local.get $dist)
        (i32.shl (i32.load (i32.add (local.get $queue) (i32.shl (i32.sub (local.get $tail) (i32.const 1)) (i32.const 2)))) (i32.const 2)))))
    ;; backward, in reverse BFS order: δ(v) = σ(v) Σ_{w successor} (1 + δ(w))/σ(w); dist back to -1
    (local.set $i (i32.sub (local.get $tail) (i32.const 1)))
    (block $backDone
      (loop $back
        (br_if $backDone (i32.le_s (local.get $i) (i32.const 0)))
        (local.set $v (i32.load (i32.add (local.get $queue) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $p (i32.add (local.get $succStart) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $j (i32.shl (i32.load (local.get $p)) (i32.const 2)))
        (local.set $end (i32.shl (i32.load offset=4 (local.get $p)) (i32.const 2)))
        (local.set $acc (f64.const 0))
        (block $succDone
          (loop $succs
            (br_if $succDone (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $acc
              (f64.add (local.get $acc)
                (f64.load (i32.add (local.get $coef)
                  (i32.shl (i32.load (i32.add (local.get $succ) (local.get $j))) (i32.const 3))))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $succs)))
        (local.set $sv (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3)))))
        (local.set $delta (f64.mul (local.get $sv) (local.get $acc)))
        (local.set $p (i32.add (local.get $bc) (i32.shl (local.get $v) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $delta)))
        (f64.store (i32.add (local.get $coef) (i32.shl (local.get $v) (i32.const 3)))
          (f64.div (f64.add (f64.const 1) (local.get $delta)) (local.get $sv)))
        (local.set $p (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 2))))
        (local.set $dv (i32.load (local.get $p)))
        (i32.store (local.get $p) (i32.const -1))
        (if (i32.ne (local.get $dv) (local.get $lastLevel))
          (then
            (local.set $lastLevel (local.get $dv))
            (local.set $inv (f64.div (f64.const 1) (f64.convert_i32_s (local.get $dv))))))
        (local.set $sum (f64.add (local.get $sum) (f64.convert_i32_s (local.get $dv))))
        (local.set $harm (f64.add (local.get $harm) (local.get $inv)))
        (if (local.get $scatter)
          (then
            (local.set $p (i32.add (local.get $ins) (i32.mul (local.get $v) (i32.const 24))))
            (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.convert_i32_s (local.get $dv))))
            (f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p)) (f64.const 1)))
            (f64.store offset=16 (local.get $p) (f64.add (f64.load offset=16 (local.get $p)) (local.get $inv)))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $back)))
    ;; the source's dist back to -1 (the others were reset on the way back)
    (i32.store (i32.add (local.get $dist) (i32.shl (local.get $src) (i32.const 2))) (i32.const -1))
    (f64.store (local.get $state) (local.get $sum))
    (f64.store offset=8 (local.get $state) (local.get $harm))
    (local.get $tail))
)
