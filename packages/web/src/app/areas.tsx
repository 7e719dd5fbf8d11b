// The page areas: one entry per area (its route, menu label and icon, and who sees it).
//
// To add an area: create src/pages/<area>/ with a default-exported page, its catalogues
// src/i18n/locales/{zh-CN,en}/<area>.json, its menu label under "menu" in layout.json, and one
// entry below. Pages load on demand, so a heavy area (charts, networks) does not slow the others.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'
import {
  CalendarOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  AlertOutlined,
  FileTextOutlined,
  MedicineBoxOutlined,
  FormOutlined,
  NodeIndexOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import type { Action, Resource } from '@cosafe/core'

export interface Area {
  /** Also the key of its menu label: layout:menu.<key>. */
  key: string
  /** Route path under the app layout ('' for the home page); its sub-routes follow as path/*. */
  path: string
  icon: ReactNode
  page: LazyExoticComponent<ComponentType>
  /** The grant the area needs; without it the area is hidden from the menu and its route says so. */
  needs: [Action, Resource] | null
}

export const AREAS: Area[] = [
  {
    key: 'dashboard',
    path: '',
    icon: <DashboardOutlined />,
    page: lazy(() => import('../pages/dashboard/DashboardPage')),
    needs: null,
  },
  {
    key: 'actors',
    path: 'actors',
    icon: <TeamOutlined />,
    page: lazy(() => import('../pages/actors/ActorsPage')),
    needs: ['read', 'actor'],
  },
  {
    key: 'activities',
    path: 'activities',
    icon: <CalendarOutlined />,
    page: lazy(() => import('../pages/activities/ActivitiesPage')),
    needs: ['read', 'activity'],
  },
  {
    key: 'surveys',
    path: 'surveys',
    icon: <FormOutlined />,
    page: lazy(() => import('../pages/surveys/SurveysPage')),
    needs: ['read', 'survey'],
  },
  {
    key: 'network',
    path: 'network',
    icon: <NodeIndexOutlined />,
    page: lazy(() => import('../pages/network/NetworkPage')),
    needs: ['read', 'network'],
  },
  {
    key: 'analysis',
    path: 'analysis',
    icon: <TableOutlined />,
    page: lazy(() => import('../pages/analysis/AnalysisPage')),
    needs: ['read', 'network'],
  },
  {
    key: 'research',
    path: 'research',
    icon: <ExperimentOutlined />,
    page: lazy(() => import('../pages/research/ResearchPage')),
    needs: null,
  },
  {
    key: 'diagnosis',
    path: 'diagnosis',
    icon: <MedicineBoxOutlined />,
    page: lazy(() => import('../pages/diagnosis/DiagnosisPage')),
    needs: ['read', 'network'],
  },
  {
    key: 'matters',
    path: 'matters',
    icon: <AlertOutlined />,
    page: lazy(() => import('../pages/matters/MattersPage')),
    needs: ['read', 'matter'],
  },
  {
    key: 'reports',
    path: 'reports',
    icon: <FileTextOutlined />,
    page: lazy(() => import('../pages/reports/ReportsPage')),
    needs: ['read', 'network'],
  },
]
