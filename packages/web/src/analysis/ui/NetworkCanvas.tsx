// The network drawn by sigma.js (WebGL), with zoom buttons, hover and selection highlighting; an SVG drawing when WebGL is missing.
import { useEffect, useRef, useState } from 'react'
import { Button, Space, Tooltip } from 'antd'
import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import Sigma from 'sigma'
import { toSvg, type EdgeAttributes, type NodeAttributes, type ViewGraph } from '../graphView'

export interface NetworkCanvasProps {
  graph: ViewGraph
  /** The actor whose ties are highlighted (the others dimmed). */
  selected?: string | null
  /** Actors to mark (search matches). */
  marked?: ReadonlySet<string> | null
  onSelect?: (id: string | null) => void
  height?: number
}

const DIM_NODE = '#e6e6e6'
const DIM_EDGE = '#f0f0f0'

export function NetworkCanvas({ graph, selected = null, marked = null, onSelect, height = 560 }: NetworkCanvasProps) {
  const { t } = useTranslation('sna')
  const box = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null)
  const [fallback, setFallback] = useState<string | null>(null)
  const [hovered, setHovered] = useState<string | null>(null)
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect

  useEffect(() => {
    if (!box.current) return
    let renderer: Sigma<NodeAttributes, EdgeAttributes>
    try {
      renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, box.current, {
        defaultEdgeType: graph.type === 'directed' ? 'arrow' : 'line',
        labelRenderedSizeThreshold: graph.order > 150 ? 10 : 0,
        labelSize: 12,
        zIndex: true,
        allowInvalidContainer: true,
      })
    } catch {
      setFallback(toSvg(graph, { width: 1000, height: height }))
      return
    }
    setFallback(null)
    // every layout here is in [0, 1]: a fixed frame keeps a two-actor ego view from stretching
    renderer.setCustomBBox({ x: [0, 1], y: [0, 1] })
    renderer.refresh()
    sigma.current = renderer
    renderer.on('clickNode', ({ node }) => onSelectRef.current?.(node))
    renderer.on('clickStage', () => onSelectRef.current?.(null))
    renderer.on('enterNode', ({ node }) => setHovered(node))
    renderer.on('leaveNode', () => setHovered(null))
    return () => {
      renderer.kill()
      sigma.current = null
    }
  }, [graph, height])

  useEffect(() => {
    const r = sigma.current
    if (!r) return
    const focus = hovered ?? selected
    const near = focus && graph.hasNode(focus) ? new Set([focus, ...graph.neighbors(focus)]) : null
    // a search match outside the graph shown (an ego view) marks nothing
    const mark = marked && [...marked].some((id) => graph.hasNode(id)) ? marked : null
    r.setSetting('nodeReducer', (node, data) => {
      const out: typeof data & { highlighted?: boolean; zIndex?: number } = { ...data }
      if (near && !near.has(node)) {
        out.color = DIM_NODE
        out.label = ''
      }
      if (mark && !mark.has(node)) out.color = DIM_NODE
      if (node === selected || mark?.has(node)) {
        out.highlighted = true
        out.zIndex = 1
      }
      return out
    })
    r.setSetting('edgeReducer', (edge, data) => {
      if (!near) return data
      const [s, tgt] = graph.extremities(edge)
      return near.has(s) && near.has(tgt) && (s === focus || tgt === focus)
        ? { ...data, color: '#595959', zIndex: 1 }
        : { ...data, color: DIM_EDGE }
    })
  }, [graph, selected, hovered, marked])

  const camera = (f: (c: ReturnType<Sigma<NodeAttributes, EdgeAttributes>['getCamera']>) => void) => {
    const r = sigma.current
    if (r) f(r.getCamera())
  }

  return (
    <div className="sna-canvas-wrap">
      {!fallback && (
        <Space className="sna-canvas-tools">
          <Tooltip title={t('zoomIn')}>
            <Button
              size="small"
              icon={<ZoomInOutlined />}
              aria-label={t('zoomIn')}
              onClick={() => camera((c) => void c.animatedZoom(1.5))}
            />
          </Tooltip>
          <Tooltip title={t('zoomOut')}>
            <Button
              size="small"
              icon={<ZoomOutOutlined />}
              aria-label={t('zoomOut')}
              onClick={() => camera((c) => void c.animatedUnzoom(1.5))}
            />
          </Tooltip>
          <Tooltip title={t('zoomReset')}>
            <Button
              size="small"
              icon={<CompressOutlined />}
              aria-label={t('zoomReset')}
              onClick={() => camera((c) => void c.animatedReset())}
            />
          </Tooltip>
        </Space>
      )}
      {fallback ? (
        <div
          className="sna-canvas sna-canvas-svg"
          data-testid="network-canvas"
          data-nodes={graph.order}
          role="img"
          aria-label={t('figure', { nodes: graph.order, ties: graph.size })}
          style={{ height }}
          dangerouslySetInnerHTML={{ __html: fallback }}
        />
      ) : (
        <div
          ref={box}
          className="sna-canvas"
          data-testid="network-canvas"
          data-nodes={graph.order}
          data-ties={graph.size}
          role="img"
          aria-label={t('figure', { nodes: graph.order, ties: graph.size })}
          style={{ height }}
        />
      )}
    </div>
  )
}
