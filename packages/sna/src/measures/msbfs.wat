;; The pull level of the multi-source BFS (msbfs.ts `pullLevel`, which does the same in
;; JavaScript) in WebAssembly with 128-bit SIMD: a node's 8 words of 32 sources are two v128
;; lanes, so a tie costs two loads and two ORs.
;; `npm run wasm -w @cosafe/sna` turns this file into msbfsWasm.ts (the bytes, base64); a test
;; checks that the two agree.
;;
;; msbfs.ts lays the memory out and passes byte offsets: outOff and inOff (n + 1 i32 each),
;; outTgt and inSrc (an i32 per tie), full and hit (a byte per node), mark (i32 per node),
;; front, seen and next (32 bytes per node), out and touched (i32 per node), the state (i32
;; touched count, i32 unsettled ties, i32 frontier ties, one unused i32, then the batch's 8
;; words) and the counter planes (2 groups of 4 words × 32 planes of 16 bytes).
;; Invariant between levels: front and next rows are zero except the frontier's front rows.
(module
  (import "env" "memory" (memory 1))

  ;; Every node not yet full ORs the front words of its in-neighbours (zero unless in the
  ;; frontier: no branch, so the loads overlap); the bits it has not seen become its next words and are added to seen; it is
  ;; listed in out (and in touched when first reached); its out-ties are
  ;; added to the frontier ties, and when it has now seen the whole batch it becomes full and its
  ;; in-ties leave the unsettled ones. Returns the number of nodes listed.
  (func (export "pull")
    (param $n i32)
    (param $outOff i32) (param $inOff i32) (param $inSrc i32) (param $full i32) (param $hit i32)
    (param $front i32) (param $seen i32) (param $next i32) (param $out i32)
    (param $touched i32) (param $state i32)
    (result i32)
    (local $v i32) (local $e i32) (local $end i32) (local $p i32) (local $nl i32)
    (local $nt i32) (local $unsettled i32) (local $edges i32)
    (local $a v128) (local $b v128) (local $sa v128) (local $sb v128) (local $ma v128) (local $mb v128)
    (local.set $nt (i32.load (local.get $state)))
    (local.set $unsettled (i32.load offset=4 (local.get $state)))
    (local.set $ma (v128.load offset=16 (local.get $state)))
    (local.set $mb (v128.load offset=32 (local.get $state)))
    (block $done
      (loop $nodes
        (br_if $done (i32.ge_u (local.get $v) (local.get $n)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $full) (local.get $v))))
          (then
            (local.set $p (i32.add (local.get $inOff) (i32.shl (local.get $v) (i32.const 2))))
            (local.set $e (i32.load (local.get $p)))
            (local.set $end (i32.load offset=4 (local.get $p)))
            (local.set $a (v128.const i64x2 0 0))
            (local.set $b (v128.const i64x2 0 0))
            (local.set $p (i32.add (local.get $seen) (i32.shl (local.get $v) (i32.const 5))))
            (local.set $sa (v128.load (local.get $p)))
            (local.set $sb (v128.load offset=16 (local.get $p)))
            (block $tiesDone
              (loop $ties
                (br_if $tiesDone (i32.ge_u (local.get $e) (local.get $end)))
                (local.set $p
                  (i32.add (local.get $front)
                    (i32.shl (i32.load (i32.add (local.get $inSrc) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 5))))
                (local.set $a (v128.or (local.get $a) (v128.load (local.get $p))))
                (local.set $b (v128.or (local.get $b) (v128.load offset=16 (local.get $p))))
                (local.set $e (i32.add (local.get $e) (i32.const 1)))
                ;; every 8 ties: once the node has every source, the other ties can add nothing
                (if (i32.eqz (i32.and (local.get $e) (i32.const 7)))
                  (then
                    (br_if $tiesDone
                      (i32.and
                        (i32x4.all_true (i32x4.eq (v128.or (local.get $a) (local.get $sa)) (local.get $ma)))
                        (i32x4.all_true (i32x4.eq (v128.or (local.get $b) (local.get $sb)) (local.get $mb)))))))
                (br $ties)))
            (local.set $p (i32.add (local.get $seen) (i32.shl (local.get $v) (i32.const 5))))
            (local.set $a (v128.andnot (local.get $a) (local.get $sa)))
            (local.set $b (v128.andnot (local.get $b) (local.get $sb)))
            (if (v128.any_true (v128.or (local.get $a) (local.get $b)))
              (then
                (local.set $sa (v128.or (local.get $sa) (local.get $a)))
                (local.set $sb (v128.or (local.get $sb) (local.get $b)))
                (v128.store (local.get $p) (local.get $sa))
                (v128.store offset=16 (local.get $p) (local.get $sb))
                (local.set $p (i32.add (local.get $next) (i32.shl (local.get $v) (i32.const 5))))
                (v128.store (local.get $p) (local.get $a))
                (v128.store offset=16 (local.get $p) (local.get $b))
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $nl) (i32.const 2))) (local.get $v))
                (local.set $nl (i32.add (local.get $nl) (i32.const 1)))
                (if (i32.eqz (i32.load8_u (i32.add (local.get $hit) (local.get $v))))
                  (then
                    (i32.store8 (i32.add (local.get $hit) (local.get $v)) (i32.const 1))
                    (i32.store (i32.add (local.get $touched) (i32.shl (local.get $nt) (i32.const 2))) (local.get $v))
                    (local.set $nt (i32.add (local.get $nt) (i32.const 1)))))
                (local.set $p (i32.add (local.get $outOff) (i32.shl (local.get $v) (i32.const 2))))
                (local.set $edges
                  (i32.add (local.get $edges) (i32.sub (i32.load offset=4 (local.get $p)) (i32.load (local.get $p)))))
                ;; full when seen equals the batch's words in every lane
                (if (i32.and
                      (i32x4.all_true (i32x4.eq (local.get $sa) (local.get $ma)))
                      (i32x4.all_true (i32x4.eq (local.get $sb) (local.get $mb))))
                  (then
                    (i32.store8 (i32.add (local.get $full) (local.get $v)) (i32.const 1))
                    (local.set $p (i32.add (local.get $inOff) (i32.shl (local.get $v) (i32.const 2))))
                    (local.set $unsettled
                      (i32.sub (local.get $unsettled) (i32.sub (i32.load offset=4 (local.get $p)) (i32.load (local.get $p)))))))))))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $nodes)))
    (i32.store (local.get $state) (local.get $nt))
    (i32.store offset=4 (local.get $state) (local.get $unsettled))
    (i32.store offset=8 (local.get $state) (local.get $edges))
    (local.get $nl))
;; Zeroes the front rows of the listed nodes (the spent frontier).
  (func (export "clear") (param $list i32) (param $len i32) (param $front i32)
    (local $i i32) (local $p i32)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $p
          (i32.add (local.get $front)
            (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 5))))
        (v128.store (local.get $p) (v128.const i64x2 0 0))
        (v128.store offset=16 (local.get $p) (v128.const i64x2 0 0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Push: each listed frontier node ORs its front words into the seen and next rows of its
  ;; out-neighbours that are not full and lack some of them; a node that gets bits for the first
  ;; time in this level (mark not yet stamp) is marked and listed in out. Returns the count listed.
  (func (export "push")
    (param $list i32) (param $len i32) (param $stamp i32) (param $outOff i32) (param $outTgt i32)
    (param $full i32) (param $mark i32) (param $front i32) (param $seen i32) (param $next i32)
    (param $out i32)
    (result i32)
    (local $i i32) (local $v i32) (local $e i32) (local $end i32) (local $w i32) (local $p i32) (local $nl i32)
    (local $fa v128) (local $fb v128) (local $xa v128) (local $xb v128) (local $sa v128) (local $sb v128)
    (block $done
      (loop $frontier
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $v (i32.load (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $p (i32.add (local.get $front) (i32.shl (local.get $v) (i32.const 5))))
        (local.set $fa (v128.load (local.get $p)))
        (local.set $fb (v128.load offset=16 (local.get $p)))
        (local.set $p (i32.add (local.get $outOff) (i32.shl (local.get $v) (i32.const 2))))
        (local.set $e (i32.load (local.get $p)))
        (local.set $end (i32.load offset=4 (local.get $p)))
        (block $tiesDone
          (loop $ties
            (br_if $tiesDone (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $w (i32.load (i32.add (local.get $outTgt) (i32.shl (local.get $e) (i32.const 2)))))
            (if (i32.eqz (i32.load8_u (i32.add (local.get $full) (local.get $w))))
              (then
                (local.set $p (i32.add (local.get $seen) (i32.shl (local.get $w) (i32.const 5))))
                (local.set $sa (v128.load (local.get $p)))
                (local.set $sb (v128.load offset=16 (local.get $p)))
                (local.set $xa (v128.andnot (local.get $fa) (local.get $sa)))
                (local.set $xb (v128.andnot (local.get $fb) (local.get $sb)))
                (if (v128.any_true (v128.or (local.get $xa) (local.get $xb)))
                  (then
                    (v128.store (local.get $p) (v128.or (local.get $sa) (local.get $xa)))
                    (v128.store offset=16 (local.get $p) (v128.or (local.get $sb) (local.get $xb)))
                    (local.set $p (i32.add (local.get $next) (i32.shl (local.get $w) (i32.const 5))))
                    (v128.store (local.get $p) (v128.or (v128.load (local.get $p)) (local.get $xa)))
                    (v128.store offset=16 (local.get $p) (v128.or (v128.load offset=16 (local.get $p)) (local.get $xb)))
                    (local.set $p (i32.add (local.get $mark) (i32.shl (local.get $w) (i32.const 2))))
                    (if (i32.ne (i32.load (local.get $p)) (local.get $stamp))
                      (then
                        (i32.store (local.get $p) (local.get $stamp))
                        (i32.store (i32.add (local.get $out) (i32.shl (local.get $nl) (i32.const 2))) (local.get $w))
                        (local.set $nl (i32.add (local.get $nl) (i32.const 1)))))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $ties)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $frontier)))
    (local.get $nl))

  ;; Adds x into the vertical counter whose lowest plane is at p (planes 16 bytes apart): ripple carry.
  (func $ripple (param $p i32) (param $x v128)
    (local $t v128)
    (block $done
      (loop $carry
        (br_if $done (i32.eqz (v128.any_true (local.get $x))))
        (local.set $t (v128.and (v128.load (local.get $p)) (local.get $x)))
        (v128.store (local.get $p) (v128.xor (v128.load (local.get $p)) (local.get $x)))
        (local.set $x (local.get $t))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $carry))))

  ;; Adds the listed nodes' front words into the counter planes, 4 words (one lane group) at a
  ;; time: eight rows through a carry-save adder tree (Harley–Seal) into ones, twos and fours,
  ;; only the eights rippling into the planes; the remainder and the partial sums at the end.
  (func (export "count") (param $list i32) (param $len i32) (param $front i32) (param $planes i32)
    (local $h i32) (local $i i32) (local $base i32) (local $pl i32)
    (local $ones v128) (local $twos v128) (local $fours v128) (local $u v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $x4 v128) (local $x5 v128) (local $x6 v128) (local $x7 v128)
    (local $ta v128) (local $tb v128) (local $fa v128) (local $fb v128)
    (block $groupsDone
      (loop $groups
        (br_if $groupsDone (i32.ge_u (local.get $h) (i32.const 2)))
        (local.set $base (i32.add (local.get $front) (i32.shl (local.get $h) (i32.const 4))))
        (local.set $pl (i32.add (local.get $planes) (i32.shl (local.get $h) (i32.const 9))))
        (local.set $ones (v128.const i64x2 0 0))
        (local.set $twos (v128.const i64x2 0 0))
        (local.set $fours (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (block $eightsDone
          (loop $eights
            (br_if $eightsDone (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $len)))
            (local.set $x0 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 5)))))
            (local.set $x1 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x2 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 2)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x3 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 3)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x4 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 4)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x5 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 5)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x6 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 6)) (i32.const 2)))) (i32.const 5)))))
            (local.set $x7 (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (i32.add (local.get $i) (i32.const 7)) (i32.const 2)))) (i32.const 5)))))
            ;; carry-save adds: (sum, carry) of a, b, c = (a ^ b ^ c, (a & b) | ((a ^ b) & c))
            (local.set $u (v128.xor (local.get $ones) (local.get $x0)))
            (local.set $ta (v128.or (v128.and (local.get $ones) (local.get $x0)) (v128.and (local.get $u) (local.get $x1))))
            (local.set $ones (v128.xor (local.get $u) (local.get $x1)))
            (local.set $u (v128.xor (local.get $ones) (local.get $x2)))
            (local.set $tb (v128.or (v128.and (local.get $ones) (local.get $x2)) (v128.and (local.get $u) (local.get $x3))))
            (local.set $ones (v128.xor (local.get $u) (local.get $x3)))
            (local.set $u (v128.xor (local.get $twos) (local.get $ta)))
            (local.set $fa (v128.or (v128.and (local.get $twos) (local.get $ta)) (v128.and (local.get $u) (local.get $tb))))
            (local.set $twos (v128.xor (local.get $u) (local.get $tb)))
            (local.set $u (v128.xor (local.get $ones) (local.get $x4)))
            (local.set $ta (v128.or (v128.and (local.get $ones) (local.get $x4)) (v128.and (local.get $u) (local.get $x5))))
            (local.set $ones (v128.xor (local.get $u) (local.get $x5)))
            (local.set $u (v128.xor (local.get $ones) (local.get $x6)))
            (local.set $tb (v128.or (v128.and (local.get $ones) (local.get $x6)) (v128.and (local.get $u) (local.get $x7))))
            (local.set $ones (v128.xor (local.get $u) (local.get $x7)))
            (local.set $u (v128.xor (local.get $twos) (local.get $ta)))
            (local.set $fb (v128.or (v128.and (local.get $twos) (local.get $ta)) (v128.and (local.get $u) (local.get $tb))))
            (local.set $twos (v128.xor (local.get $u) (local.get $tb)))
            (local.set $u (v128.xor (local.get $fours) (local.get $fa)))
            (call $ripple
              (i32.add (local.get $pl) (i32.const 48))
              (v128.or (v128.and (local.get $fours) (local.get $fa)) (v128.and (local.get $u) (local.get $fb))))
            (local.set $fours (v128.xor (local.get $u) (local.get $fb)))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $eights)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $i) (local.get $len)))
            (call $ripple (local.get $pl) (v128.load (i32.add (local.get $base) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 5)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rest)))
        (call $ripple (local.get $pl) (local.get $ones))
        (call $ripple (i32.add (local.get $pl) (i32.const 16)) (local.get $twos))
        (call $ripple (i32.add (local.get $pl) (i32.const 32)) (local.get $fours))
        (local.set $h (i32.add (local.get $h) (i32.const 1)))
        (br $groups))))
)
