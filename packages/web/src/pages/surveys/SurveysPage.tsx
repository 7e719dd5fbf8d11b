// Relational surveys: the list with response rates, a survey's tracking page, and the design form.
import { Route, Routes } from 'react-router-dom'
import { SurveyDetail } from './SurveyDetail'
import { SurveyList } from './SurveyList'

export default function SurveysPage() {
  return (
    <Routes>
      <Route index element={<SurveyList />} />
      <Route path=":surveyId" element={<SurveyDetail />} />
    </Routes>
  )
}
